/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('./modules/scaffolderTemplateFilters'));
backend.add(import('./plugins/dora'));

backend.start();
