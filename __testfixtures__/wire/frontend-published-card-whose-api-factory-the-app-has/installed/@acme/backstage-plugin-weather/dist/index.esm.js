export { EntityWeatherCard, weatherPlugin } from './plugin.esm.js';
export { isWeatherAvailable } from './conditions.esm.js';
