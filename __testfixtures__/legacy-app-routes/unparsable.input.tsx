import React from 'react';
import { FlatRoutes } from '@backstage/core-app-api';

const routes = (
  <FlatRoutes>
    <Route path="/catalog" element={<CatalogIndexPage />}
  </FlatRoutes>
);
