import { Config } from '@backstage/config';

/** The audit log's options: app-config's audit section over the defaults. */
export function readAuditOptions(
  config: Config,
  defaults: { retentionDays: number },
): { retentionDays: number } {
  return {
    retentionDays:
      config.getOptionalNumber('audit.retentionDays') ?? defaults.retentionDays,
  };
}
