import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';

/** Template filters of this app's own, for the scaffolder's templates. */
export default createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'template-filters',
  register(env) {
    env.registerInit({
      deps: { templating: scaffolderTemplatingExtensionPoint },
      async init({ templating }) {
        templating.addTemplateFilters({
          kebab: value => String(value).toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        });
      },
    });
  },
});
