export { ClustersPage, clustersPlugin } from './plugin.esm.js';
export { ClustersIcon } from './icon.esm.js';
//# sourceMappingURL=index.esm.js.map
