import { createBackendModule } from '@backstage/backend-plugin-api';

export default createBackendModule({
  pluginId: 'carmen',
  moduleId: 'next',
  register() {},
});
