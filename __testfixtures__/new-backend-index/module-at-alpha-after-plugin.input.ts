import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend/alpha'));

// search plugin
backend.add(import('@backstage/plugin-search-backend/alpha'));

backend.start();
