import { Router } from 'express';
import { PluginEnvironment } from '../types';
import { createStatusPage } from '../status-page';

export default async function createPlugin(
  env: PluginEnvironment,
): Promise<Router> {
  return await createStatusPage(env, { path: '/status' });
}
