export { createRouter } from './service/router';
