import { createBackend as createDefaultBackend } from '@backstage/backend-defaults';

const app = createDefaultBackend();

app.add(import('@backstage/plugin-catalog-backend'));
app.start();
