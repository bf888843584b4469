import React from 'react';
import { Route } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { RequirePermission } from '@backstage/plugin-permission-react';
import { CarmenPage } from '@internal/backstage-plugin-carmen';
import { carmenReadPermission } from '@internal/backstage-plugin-carmen-common';
import { Root } from './components/Root';

const app = createApp({});

const routes = (
  <FlatRoutes>
    <Route
      path="/carmen"
      element={
        <RequirePermission permission={carmenReadPermission}>
          <CarmenPage />
        </RequirePermission>
      }
    />
  </FlatRoutes>
);

export default app.createRoot(
  <AppRouter>
    <Root>{routes}</Root>
  </AppRouter>,
);
