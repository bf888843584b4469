/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@internal/backstage-plugin-dora-backend/alpha'));
backend.add(import('./modules/api-cookie'));

backend.start();
