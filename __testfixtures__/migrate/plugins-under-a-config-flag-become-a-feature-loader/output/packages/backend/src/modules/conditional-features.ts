/*
 * The plugins the legacy backend mounted under config conditions (index.ts line 80),
 * moved here by wire-plugin migrate: the loader reads the same keys of the root
 * config at startup and yields the same plugins under the same conditions.
 */
import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import { legacyPlugin } from '@backstage/backend-common';

export default createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    if (config.getOptionalBoolean('carmen.enabled')) {
      yield legacyPlugin('carmen', import('../plugins/carmen'));
      yield import('./carmen-legacy-access');
    }
  },
});
