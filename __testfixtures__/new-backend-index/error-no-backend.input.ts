import { createServiceBuilder } from '@backstage/backend-common';

createServiceBuilder(module).start();
