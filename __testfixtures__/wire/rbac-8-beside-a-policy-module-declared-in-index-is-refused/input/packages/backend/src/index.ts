import { createBackend } from '@backstage/backend-defaults';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { TeamPermissionPolicy } from './policy';

const backend = createBackend();

backend.add(import('@backstage/plugin-catalog-backend'));

// permission plugin, with the team's own policy
backend.add(import('@backstage/plugin-permission-backend'));

const teamPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'team-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new TeamPermissionPolicy());
      },
    });
  },
});

backend.add(teamPolicyModule);

backend.start();
