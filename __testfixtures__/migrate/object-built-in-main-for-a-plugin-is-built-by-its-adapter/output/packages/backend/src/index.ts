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
backend.add(legacyPlugin('carmen', import('./plugins/carmen')));
backend.add(import('./modules/carmen-legacy-access'));
backend.add(legacyPlugin('reports', import('./modules/reports-legacy-plugin')));
backend.add(import('./modules/reports-legacy-access'));
backend.add(legacyPlugin('audit', import('./modules/audit-legacy-plugin')));
backend.add(import('./modules/audit-legacy-access'));

backend.start();
