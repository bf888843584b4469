import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@internal/backstage-plugin-permission-backend'));

backend.start();
