export { EntityPipelinesContent, EntityLatestPipelineRunCard, pipelinesPlugin } from './plugin.esm.js';
export { isPipelinesAvailable } from './conditions.esm.js';
//# sourceMappingURL=index.esm.js.map
