/**
 * An authenticating middleware main() made of its own locals and put in
 * front of plugin routes, as Backstage's "authenticate API requests"
 * tutorial wrote it:
 *
 *   const discovery = HostDiscovery.fromConfig(config);
 *   const identity = IdentityClient.create({ discovery, issuer: await discovery.getExternalBaseUrl('auth') });
 *   const authMiddleware = async (req, res, next) => {
 *     try {
 *       const token = IdentityClient.getBearerToken(req.headers.authorization);
 *       req.user = await identity.authenticate(token);
 *       next();
 *     } catch (error) {
 *       res.status(401).send('Unauthorized');
 *     }
 *   };
 *   apiRouter.use('/catalog', authMiddleware, await catalog(catalogEnv));
 *
 * The new backend's default auth policy asks every plugin route for
 * credentials, so where the middleware only authenticates (reads the bearer
 * token, verifies it with the identity client, then calls next or answers
 * 401) it and the locals only it used are dropped, and the plugins behind it
 * are not opened (no legacy-access module). A middleware that does more
 * (sets a header or a cookie, reads the config, logs, decides by path) is
 * refused by its line.
 */
import type { StatementReader } from './reader';

export const authMiddleware: StatementReader = {
  kind: 'auth-middleware',
  read(statement, reading) {
    const found = reading.authenticating();
    if (!found) return false;
    if ('refused' in found) {
      if (found.refused !== statement) return false;
      reading.refuse(statement, found.why);
      return true;
    }
    if (!found.statements.includes(statement)) return false;
    reading.replace(
      statement,
      statement === found.statements[found.statements.length - 1]
        ? "an authenticating middleware: the new backend's default auth policy asks every plugin route for credentials"
        : `the identity client of the authenticating middleware ${found.name}, which the new backend's auth service replaces`,
    );
    return true;
  },
};

