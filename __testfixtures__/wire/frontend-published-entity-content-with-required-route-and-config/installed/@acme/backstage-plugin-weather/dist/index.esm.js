export { EntityWeatherCard, EntityWeatherContent, weatherPlugin } from './plugin.esm.js';
export { isWeatherAvailable } from './conditions.esm.js';
//# sourceMappingURL=index.esm.js.map
