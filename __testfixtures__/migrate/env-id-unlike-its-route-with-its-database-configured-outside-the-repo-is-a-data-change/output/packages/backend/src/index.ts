/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';
import { legacyPlugin } from '@backstage/backend-common';

const backend = createBackend();

backend.add(
  legacyPlugin('entity-feedback', import('./plugins/entityFeedback')),
);
backend.add(import('./modules/entity-feedback-legacy-access'));

backend.start();
