import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import carmenPlugin from '@internal/backstage-plugin-carmen';

export default createApp({
  features: [catalogPlugin, navModule, carmenPlugin],
});
