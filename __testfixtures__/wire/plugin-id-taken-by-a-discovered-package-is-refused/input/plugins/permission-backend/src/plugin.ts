import { createBackendPlugin } from '@backstage/backend-plugin-api';

export default createBackendPlugin({
  pluginId: 'permission',
  register() {},
});
