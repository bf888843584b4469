/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';
import { legacyPlugin } from '@backstage/backend-common';

const backend = createBackend();

backend.add(legacyPlugin('auth', import('./plugins/auth')));
backend.add(import('./modules/auth-legacy-access'));

backend.start();
