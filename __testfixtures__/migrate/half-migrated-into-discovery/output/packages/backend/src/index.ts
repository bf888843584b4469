/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend, discoveryFeatureLoader } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(discoveryFeatureLoader);
backend.start();
