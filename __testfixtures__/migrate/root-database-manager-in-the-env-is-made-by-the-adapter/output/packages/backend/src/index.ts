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

backend.add(import('@backstage/plugin-catalog-backend/alpha'));
backend.add(legacyPlugin('carmen', import('./modules/carmen-legacy-plugin')));
backend.add(import('./modules/carmen-legacy-access'));
backend.add(legacyPlugin('notify', import('./modules/notify-legacy-plugin')));
backend.add(import('./modules/notify-legacy-access'));

backend.start();
