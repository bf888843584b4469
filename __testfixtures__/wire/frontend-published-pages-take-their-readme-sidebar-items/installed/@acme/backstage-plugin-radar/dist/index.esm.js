export { RadarPage, radarPlugin } from './plugin.esm.js';
//# sourceMappingURL=index.esm.js.map
