import { createBackendPlugin } from '@backstage/backend-plugin-api';

/** An RBAC backend whose metadata says rbac, but which takes the permission plugin's place. */
export default createBackendPlugin({
  pluginId: 'permission',
  register() {},
});
