import { createApp } from '@backstage/frontend-defaults';

const app = createApp({
  bindRoutes() {},
});

export default app.createRoot();
