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

backend.add(import('@backstage/plugin-app-backend/alpha'));
backend.add(legacyPlugin('catalog', import('./plugins/catalog')));
backend.add(import('./modules/catalog-legacy-access'));
backend.add(import('@backstage/plugin-techdocs-backend/alpha'));
backend.add(legacyPlugin('proxy', import('./plugins/proxy')));
backend.add(import('./modules/proxy-legacy-access'));

backend.start();
