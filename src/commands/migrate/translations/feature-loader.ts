/**
 * Plugins mounted under a config condition: a createBackendFeatureLoader
 * yields them (and their access modules) under the same condition.
 * backend-plugin-api 0.8 (Backstage 1.30) on; refused before it, and under
 * feature discovery, which would load them whatever the condition.
 */
import { CONDITIONAL_FEATURES_MODULE, printConditionalFeatures } from '../../../../transforms/generate/feature-loader';
import { stringLiteral } from '../../../../transforms/lib/code-style';
import { readFeatureDiscovery } from '../../../repo/feature-discovery';
import { featureLoaderApiVersion } from '../context';
import { bridgedImport } from '../print-index';
import { at, emit, generatedPath, Translation } from './translation';

export const featureLoader: Translation = {
  kind: 'feature-loader',
  plan(input, output) {
    const { conditionOf } = input;
    if (!conditionOf.size) return;
    const { files } = input.context;
    const { modulePath, display, taken } = generatedPath(input, 'conditional-features');
    const lines = [...new Set([...conditionOf.values()].map(c => c.line))];
    const apiVersion = featureLoaderApiVersion(input.context);
    if (!apiVersion.supported) {
      for (const line of lines) {
        output.refused.push(`${at(input, line)}: if (...): plugins under a config condition move into createBackendFeatureLoader, which @backstage/backend-plugin-api has from 0.8.0 (Backstage 1.30) on, and this backend has ${apiVersion.found}: upgrade to Backstage 1.30 or later first, then run migrate again, or add these plugins by hand`);
      }
      return;
    }
    if (taken) {
      output.refused.push(`${at(input, lines[0])}: if (...): ${display} exists already: move or remove it, then run migrate again`);
      return;
    }
    if (input.existing && (readFeatureDiscovery(files.tree, files.root, input.existing)?.packages.kind ?? 'none') !== 'none') {
      output.refused.push(`${at(input, lines[0])}: if (...): this backend discovers its features (backend.packages), which would load these plugins whatever the condition: exclude them in app-config and add them by hand with createBackendFeatureLoader`);
      return;
    }
    const q = input.index.style.quote;
    const conditions: { test: string; line: number; yields: string[] }[] = [];
    // The loader is in src/modules/: index.ts's `./plugins/x` is `../plugins/x` from there, its `./modules/x` is `./x`.
    const fromModules = (specifier: string): string => (specifier.startsWith('./modules/') ? specifier.replace(/^\.\/modules\//, './') : specifier.startsWith('./') ? `.${specifier}` : specifier);
    for (const [plugin, condition] of conditionOf) {
      let entry = conditions.find(c => c.line === condition.line);
      if (!entry) {
        entry = { test: files.indexText.slice(condition.test.start ?? 0, condition.test.end ?? 0), line: condition.line, yields: [] };
        conditions.push(entry);
      }
      if (plugin.target === 'bridge') entry.yields.push(`legacyPlugin(${stringLiteral(plugin.id, q)}, ${bridgedImport(fromModules(plugin.module), plugin.exportName, q)})`);
      else entry.yields.push(...plugin.adds.map(specifier => `import(${stringLiteral(fromModules(specifier), q)})`));
      const access = output.accessOf.get(plugin);
      if (access) entry.yields.push(`import(${stringLiteral(fromModules(access), q)})`);
    }
    const bridges = [...conditionOf.keys()].some(p => p.target === 'bridge');
    emit(input, output, {
      modulePath,
      text: printConditionalFeatures({ configName: input.statements.configName ?? 'config', conditions, bridges }, input.style),
      translation: { kind: 'feature-loader', lines, file: display, authPolicy: null },
      add: CONDITIONAL_FEATURES_MODULE,
    });
  },
};
