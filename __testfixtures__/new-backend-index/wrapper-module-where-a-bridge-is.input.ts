import { createBackend } from '@backstage/backend-defaults';
import { legacyPlugin } from '@backstage/backend-common';

const backend = createBackend();

backend.add(legacyPlugin('dora', import('./plugins/dora')));

backend.start();
