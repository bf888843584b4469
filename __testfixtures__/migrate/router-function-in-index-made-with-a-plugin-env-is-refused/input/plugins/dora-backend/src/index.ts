export { createRouter } from './router';
