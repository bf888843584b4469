import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(
  import('@internal/backstage-plugin-catalog-backend-module-team-tags'),
);
backend.start();
