export * from './service/router';
export { doraPlugin as default } from './plugin';
