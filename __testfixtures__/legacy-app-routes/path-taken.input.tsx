import React from 'react';
import { Route } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { LegacyCarmen } from './components/LegacyCarmen';

const app = createApp({});

export default app.createRoot(
  <AppRouter>
    <FlatRoutes>
      <Route path="/carmen" element={<LegacyCarmen />} />
    </FlatRoutes>
  </AppRouter>,
);
