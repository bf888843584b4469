import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));

backend.start();
