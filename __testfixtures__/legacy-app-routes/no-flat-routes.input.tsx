import React from 'react';
import { createApp } from '@backstage/app-defaults';
import { AppRouter } from '@backstage/core-app-api';
import { DynamicRoutes } from './components/DynamicRoutes';

const app = createApp({});

export default app.createRoot(
  <AppRouter>
    <DynamicRoutes />
  </AppRouter>,
);
