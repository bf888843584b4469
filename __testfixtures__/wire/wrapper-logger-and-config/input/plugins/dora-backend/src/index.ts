export * from './service/router';
