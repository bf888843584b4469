import { createBackendModule } from '@backstage/backend-plugin-api';

export default createBackendModule({
  pluginId: 'catalog',
  moduleId: 'team-tags',
  register() {},
});
