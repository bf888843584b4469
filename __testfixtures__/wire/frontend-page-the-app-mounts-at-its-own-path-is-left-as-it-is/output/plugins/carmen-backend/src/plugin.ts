import { createBackendPlugin } from '@backstage/backend-plugin-api';

export const carmenPlugin = createBackendPlugin({
  pluginId: 'carmen',
  register() {},
});
