/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';
import 'global-agent/bootstrap';
import { initTracing } from './tracing';

// Traces go to the collector that app-config names
initTracing('backend');
process.on('warning', warning => console.warn(warning.name));

const backend = createBackend();

backend.add(import('@backstage/plugin-catalog-backend/alpha'));

backend.start();
