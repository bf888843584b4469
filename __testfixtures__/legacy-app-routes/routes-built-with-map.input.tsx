import React from 'react';
import { Route } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { pages } from './pages';

const app = createApp({});

export default app.createRoot(
  <AppRouter>
    <FlatRoutes>
      {pages.map(page => (
        <Route key={page.path} path={page.path} element={page.element} />
      ))}
    </FlatRoutes>
  </AppRouter>,
);
