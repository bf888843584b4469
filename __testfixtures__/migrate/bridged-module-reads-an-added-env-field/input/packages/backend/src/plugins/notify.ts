import { createRouter } from '@internal/backstage-plugin-notify-backend';
import { Router } from 'express';
import { PluginEnvironment } from '../types';

export default async function createPlugin(
  env: PluginEnvironment,
): Promise<Router> {
  const router = await createRouter({ logger: env.logger });
  env.eventBroker.subscribe({ supportsEventTopics: () => ['x'], onEvent: async () => {} });
  return router;
}
