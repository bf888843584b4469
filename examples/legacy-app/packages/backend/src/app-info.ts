import { Config } from '@backstage/config';

/** A client of the app's own that makeCreateEnv gives every plugin as env.appInfo: what the app is called. */
export class AppInfo {
  constructor(private readonly config: Config) {}

  get title(): string {
    return this.config.getOptionalString('app.title') ?? 'Backstage';
  }
}
