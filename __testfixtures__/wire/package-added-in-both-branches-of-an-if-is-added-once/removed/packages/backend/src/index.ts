import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-catalog-backend'));

if (process.env.CARMEN_NEXT) {
  backend.add(import('./carmen-next-module'));
} else {
}

backend.start();
