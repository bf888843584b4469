import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { Route } from 'react-router-dom';
import { CatalogIndexPage } from '@backstage/plugin-catalog';

const app = createApp({});

export default app.createRoot(
  <AppRouter>
    <FlatRoutes>
      <Route path="/catalog" element={<CatalogIndexPage />} />
    </FlatRoutes>
  </AppRouter>,
);