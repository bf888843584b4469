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

backend.add(legacyPlugin('app', import('./plugins/app')));
backend.add(import('./modules/app-legacy-access'));
backend.add(legacyPlugin('catalog', import('./plugins/catalog')));
backend.add(import('./modules/catalog-legacy-access'));
backend.add(legacyPlugin('scaffolder', import('./plugins/scaffolder')));
backend.add(import('./modules/scaffolder-legacy-access'));
backend.add(legacyPlugin('proxy', import('./plugins/proxy')));
backend.add(import('./modules/proxy-legacy-access'));

backend.start();
