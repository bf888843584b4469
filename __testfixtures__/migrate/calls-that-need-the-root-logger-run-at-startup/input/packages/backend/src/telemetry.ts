import { Config } from '@backstage/config';
import { Logger } from 'winston';

export function initializeJira(config: Config, logger: Logger): void {
  const url = config.getOptionalString('jira.url');
  if (!url) logger.warn('jira.url is not set: issues will not be linked');
  process.env.JIRA_URL = url ?? '';
}

export async function initTracker(logger: Logger): Promise<void> {
  logger.child({ type: 'tracker' }).info('tracker started');
}
