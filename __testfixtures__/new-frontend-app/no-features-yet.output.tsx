import { createApp } from '@backstage/frontend-defaults';
import carmenPlugin from '@internal/backstage-plugin-carmen';

const app = createApp({
  features: [carmenPlugin],
  bindRoutes() {},
});

export default app.createRoot();
