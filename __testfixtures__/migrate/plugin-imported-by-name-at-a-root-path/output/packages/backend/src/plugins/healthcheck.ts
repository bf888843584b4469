import { createStatusCheckRouter } from '@backstage/backend-common';
import { Router } from 'express';
import { PluginEnvironment } from '../types';

export async function healthcheck(env: PluginEnvironment): Promise<Router> {
  return await createStatusCheckRouter({ logger: env.logger, path: '/' });
}
