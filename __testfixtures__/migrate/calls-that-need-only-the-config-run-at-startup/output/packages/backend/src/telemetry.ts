import { Config } from '@backstage/config';

export function initializeJira(config: Config): void {
  process.env.JIRA_URL = config.getOptionalString('jira.url') ?? '';
}

export async function initTracker(config: Config): Promise<void> {
  process.env.TRACKER = config.getOptionalString('tracker.name') ?? 'none';
}
