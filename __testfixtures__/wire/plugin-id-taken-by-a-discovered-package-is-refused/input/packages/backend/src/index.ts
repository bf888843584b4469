import { createBackend, discoveryFeatureLoader } from '@backstage/backend-defaults';

const backend = createBackend();

// Loads every backend plugin and module that app-config's backend.packages lets through.
backend.add(discoveryFeatureLoader);

backend.start();
