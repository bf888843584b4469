export { carmenPlugin as default } from './plugin';
