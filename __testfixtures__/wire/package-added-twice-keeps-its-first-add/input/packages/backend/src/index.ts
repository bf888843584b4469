import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@internal/backstage-plugin-carmen-backend'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));

// carmen, our team's plugin
backend.add(import('@internal/backstage-plugin-carmen-backend'));

backend.start();
