import { createRouter } from '@internal/backstage-plugin-carmen-backend';
import { Router } from 'express';
import { PluginEnvironment } from '../types';

export default async function createPlugin(
  env: PluginEnvironment,
): Promise<Router> {
  // Carmen's sightings reach the catalog as events.
  const router = await createRouter({
    logger: env.logger,
  });
  router.post('/sightings', async (request, response) => {
    await env.eventBroker.publish({ topic: 'carmen.sighting', eventPayload: request.body });
    response.status(202).end();
  });
  return router;
}
