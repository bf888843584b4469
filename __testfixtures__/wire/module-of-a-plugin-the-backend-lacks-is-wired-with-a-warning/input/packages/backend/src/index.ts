import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.start();
