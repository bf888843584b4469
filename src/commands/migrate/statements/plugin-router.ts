/**
 * A plugin's router held in a local of main() and mounted through it
 * (`const catalogRouter = await catalog(catalogEnv); apiRouter.use('/catalog',
 * catalogRouter);`, and maybe `.addRouter('/catalog', catalogRouter)` too): each
 * mount is read as a mount of the plugin call itself, and the declaration
 * goes with them. A local used any other way (`catalogRouter.use(...)`) is
 * left to the other rules, which refuse it.
 */
import { soleDeclarator } from '../../../../transforms/lib/ast';
import type { StatementReader } from './reader';
import { mountsOf } from './plugin-router-locals';

export const pluginRouter: StatementReader = {
  kind: 'plugin-router',
  read(statement, reading) {
    if ([...reading.pluginRouters.values()].some(r => r.statement === statement)) {
      reading.replace(statement, "a plugin's router held in a local: the new backend serves the plugin where the local was mounted");
      return true;
    }
    const declarator = soleDeclarator(statement);
    const plugin = declarator?.init ? reading.pluginCall(declarator.init) : undefined;
    // Only a local that is mounted somewhere is a plugin's router (`await createAuthMiddleware(appEnv)` is not).
    if (!plugin || declarator?.id.type !== 'Identifier' || mountsOf(reading.index.router.container.body, declarator.id.name) === 0) return false;
    reading.refuse(
      statement,
      `${declarator.id.name} holds ${plugin.alias}'s router and main() uses it besides mounting it: the new backend makes a plugin's router itself, and nothing else can reach it; add those routes in the plugin (its router, or httpRouter in a module of it), then run migrate again`,
    );
    return true;
  },
};
