import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';

// The team's plugins, each behind a flag of its own.
export const teamFeatures = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    if (config.getOptionalBoolean('carmen.enabled') ?? true) {
      yield import('@internal/backstage-plugin-carmen-backend');
    }
  },
});
