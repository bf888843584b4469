import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@backstage-community/plugin-rbac-backend'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));

backend.start();
