import { createRouter } from './service/router';

export { createRouter } from './service/router';

export default async function createPlugin(env: { logger: Parameters<typeof createRouter>[0]['logger'] }) {
  return await createRouter({ logger: env.logger });
}
