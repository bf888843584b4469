import { PluginEnvironment } from '../types';

/** A job of the app's own that main() starts without mounting anything: it schedules itself. */
export default async function createPlugin(env: PluginEnvironment): Promise<void> {
  await env.scheduler.scheduleTask({
    id: 'audit-sweep',
    frequency: { minutes: 30 },
    timeout: { minutes: 5 },
    fn: async () => {
      env.logger.info('audit: sweep');
    },
  });
}
