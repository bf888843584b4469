'use strict';

var backendPluginApi = require('@backstage/backend-plugin-api');
var alpha = require('@backstage/plugin-permission-node/alpha');

const rbacPlugin = backendPluginApi.createBackendModule({
  pluginId: "permission",
  moduleId: "rbac",
  register(env) {
    env.registerInit({
      deps: { policy: alpha.policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({ handle: async () => ({ result: 'ALLOW' }) });
      }
    });
  }
});

exports.rbacPlugin = rbacPlugin;
