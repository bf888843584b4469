import * as _backstage_backend_plugin_api from '@backstage/backend-plugin-api';

declare const permissionPlugin: _backstage_backend_plugin_api.BackendFeature;

export { permissionPlugin as default };
