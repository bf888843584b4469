/**
 * An identity client makeCreateEnv made with options of its own (an issuer,
 * algorithms): a service factory for coreServices.identity with the same
 * options, so the bridged plugins' env.identity checks tokens as before. The
 * plugins on the new system check user tokens through coreServices.auth,
 * which these options do not reach; the report says so.
 */
import { IDENTITY_MODULE, printIdentityModule } from '../../../../transforms/generate/identity';
import { at, emit, generatedPath, relativeLines, reprint, Translation } from './translation';

export const identity: Translation = {
  kind: 'identity',
  plan(input, output) {
    const found = input.statements.identityOverride;
    if (!found) return;
    const { modulePath, display, taken } = generatedPath(input, IDENTITY_MODULE);
    const { indexText } = input.context.files;
    const first = indexText.slice(found.expression.start ?? 0).split(/\r?\n/)[0];
    if (taken) {
      output.refused.push(`${at(input, found.line)}: ${first}: ${display} exists already: move or remove it, then run migrate again`);
      return;
    }
    // Past the bridge no plugin reads coreServices.identity: the features check tokens through coreServices.auth, which takes no such options.
    const { bridge } = input.context;
    if (!bridge.works) {
      output.refused.push(
        `${at(input, found.line)}: ${first}: an identity client with options of its own, which only coreServices.identity could take, and legacyPlugin, the one that gave it to plugins as env.identity, does not run on this release (${bridge.decidedBy}); the plugins check user tokens through coreServices.auth, which takes no issuer or algorithms: drop the options, or check tokens in the plugins that need it, then run migrate again`,
      );
      return;
    }
    const imports = found.imports.map(({ declaration, names }) => reprint(input, declaration, names, modulePath));
    emit(input, output, {
      modulePath,
      text: printIdentityModule(
        { expression: relativeLines(indexText, found.expression.start ?? 0, found.expression.end ?? 0), discoveryName: found.discoveryName, configName: found.configName, imports, line: found.line },
        input.style,
      ),
      translation: { kind: 'identity', lines: [found.line], file: display, authPolicy: null },
      add: `./modules/${IDENTITY_MODULE}`,
    });
    output.behaviour.push({
      kind: 'access',
      plugin: '',
      source: at(input, found.line),
      kept: false,
      change: `${display} gives coreServices.identity the identity client's options, so the bridged plugins' env.identity checks user tokens as before; the plugins on the new system (features) check them through coreServices.auth instead, which accepts any token the auth backend's keys sign, whatever its issuer or algorithm: the options do not reach them`,
    });
  },
};
