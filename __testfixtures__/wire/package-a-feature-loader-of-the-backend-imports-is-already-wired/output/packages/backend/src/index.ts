import { createBackend } from '@backstage/backend-defaults';
import { teamFeatures } from './features';

const backend = createBackend();

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(teamFeatures);

backend.start();
