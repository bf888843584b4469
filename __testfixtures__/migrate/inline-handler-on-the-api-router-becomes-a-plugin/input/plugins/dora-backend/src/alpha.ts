import { createBackendPlugin } from '@backstage/backend-plugin-api';

export default createBackendPlugin({
  pluginId: 'dora',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});
