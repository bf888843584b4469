/**
 * The events and signals services makeCreateEnv gave every plugin, made as
 * the new backend makes its own: a plugin that hands the new backend's to
 * the bridged plugins' adapters (which import it; index.ts adds it).
 */
import { LEGACY_SERVICES_MODULE, printLegacyServicesModule } from '../../../../transforms/generate/legacy-services';
import { at, emit, generatedPath, Translation } from './translation';

export const legacyServices: Translation = {
  kind: 'legacy-services',
  plan(input, output) {
    // Only where an adapter gives them: a bridged plugin, whose env had them.
    const made = [...input.statements.newSystemEnvFields.values()];
    if (!made.length || !input.adapters.some(adapter => adapter.envFields.some(f => f.shared === 'legacy-services'))) return;
    const services = [...new Set(made.sort((a, b) => a.line - b.line).map(f => f.service))];
    const lines = [...new Set(made.map(f => f.line))];
    const { modulePath, display, taken } = generatedPath(input, LEGACY_SERVICES_MODULE);
    if (taken) {
      output.refused.push(`${at(input, lines[0])}: ${display} exists already: wire-plugin would hand the new backend's ${services.join(' and ')} to the bridged plugins there; move or remove it, then run migrate again`);
      return;
    }
    emit(input, output, {
      modulePath,
      text: printLegacyServicesModule({ services, lines }, input.style),
      translation: { kind: 'legacy-services', lines, file: display, authPolicy: null },
      add: `./modules/${LEGACY_SERVICES_MODULE}`,
    });
  },
};
