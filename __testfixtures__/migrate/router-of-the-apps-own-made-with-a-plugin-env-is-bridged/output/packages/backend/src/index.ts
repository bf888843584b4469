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

backend.add(import('@internal/backstage-plugin-dora-backend/alpha'));
backend.add(
  legacyPlugin(
    'status',
    import('./status').then(m => ({ default: m.createStatusRouter })),
  ),
);
backend.add(import('./modules/status-legacy-access'));
backend.add(import('./modules/api-assets'));

backend.start();
