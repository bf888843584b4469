/**
 * Plugins main() put behind its authenticating middleware
 * (`apiRouter.use('/catalog', authMiddleware, await catalog(catalogEnv))`,
 * see ../statements/auth-middleware.ts): the middleware is dropped, since
 * the new backend's default auth policy asks every plugin route for
 * credentials, and the plugin is not opened (legacy-access skips it). The
 * report names what asks for credentials now and how that differs: the
 * default policy takes service credentials too, and answers 401 with the
 * backend's own error body. A middleware that put the user on the request
 * (`req.user = ...`) is refused where the backend's own code reads it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { PluginMount } from '../legacy-statements';
import { at, Translation, TranslationInput } from './translation';

export const authMiddleware: Translation = {
  kind: 'auth-middleware',
  plan(input, output) {
    const catchAll = input.statements.guardedCatchAll;
    if (catchAll !== undefined) {
      output.behaviour.push({
        kind: 'access',
        plugin: 'api',
        source: at(input, catchAll),
        kept: false,
        change: "an unknown /api route answers 404 without asking for credentials: the legacy catch-all stood behind the authenticating middleware, so a request without a token got 401 there; the new backend answers unknown routes itself (no plugin's data was behind that catch-all)",
      });
    }
    for (const plugin of input.plugins) {
      const mount = input.mountOf.get(plugin.id) as PluginMount | undefined;
      const by = mount?.authenticatedBy;
      if (!mount || !by) continue;
      const reader = by.setsUser ? readerOfUser(input) : undefined;
      if (reader) {
        const line = 
          `${at(input, by.line)}: ${by.name}: puts the verified user on the request (req.user), and ${reader} reads it: the new backend's auth policy asks for credentials but sets no req.user; read the user there with coreServices.httpAuth and userInfo, then run migrate again`;
        // One middleware, one line, however many plugins it was in front of.
        if (!output.refused.includes(line)) output.refused.push(line);
        continue;
      }
      const feature = plugin.target === 'feature' || plugin.target === 'module';
      output.behaviour.push({
        kind: 'access',
        plugin: plugin.id,
        source: at(input, mount.line),
        kept: true,
        change: `still asks for credentials, as the middleware ${by.name} (index.ts:${by.line}) in front of it did: the new backend's default auth policy now does that, so the middleware is dropped${feature ? ` (routes its feature, ${plugin.package}, opens itself no longer ask)` : ' and the plugin gets no legacy-access module'}; the policy takes a user token as the middleware did, a service token too, and answers 401 with the backend's error body${by.setsUser ? '; req.user is no longer set (nothing in the backend read it)' : ''}`,
      });
    }
  },
};

/** A file of the backend's own src/ (index.ts aside) that reads `req.user` or `request.user`, if any. */
function readerOfUser(input: TranslationInput): string | undefined {
  const { files } = input.context;
  const src = path.join(files.backendDir, 'src');
  const visit = (dir: string): string | undefined => {
    const entries = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') {
        const found = visit(file);
        if (found) return found;
      } else if (/\.[jt]sx?$/.test(entry.name) && file !== files.indexPath && /\b(req|request)\.user\b/.test(files.tree.read(file) ?? '')) {
        return files.tree.display(file);
      }
    }
    return undefined;
  };
  return visit(src);
}
