const PIPELINES_ANNOTATION = "acme.com/pipeline";
const isPipelinesAvailable = (entity) => Boolean(entity.metadata.annotations?.[PIPELINES_ANNOTATION]);

export { PIPELINES_ANNOTATION, isPipelinesAvailable };
//# sourceMappingURL=conditions.esm.js.map
