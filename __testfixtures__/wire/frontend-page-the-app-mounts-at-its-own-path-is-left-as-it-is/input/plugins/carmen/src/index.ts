export { carmenPlugin, CarmenPage } from './plugin';
