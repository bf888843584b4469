import { createRouter } from '@internal/backstage-plugin-carmen-backend';
import { Router } from 'express';
import { PluginEnvironment } from '../types';

export const carmen = async (env: PluginEnvironment): Promise<Router> =>
  createRouter({
    logger: env.logger,
  });
