import { backend } from './backend';

backend.add(import('@backstage/plugin-catalog-backend'));
backend.start();
