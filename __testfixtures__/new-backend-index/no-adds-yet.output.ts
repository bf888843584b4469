import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@internal/backstage-plugin-carmen-backend'));
backend.start();
