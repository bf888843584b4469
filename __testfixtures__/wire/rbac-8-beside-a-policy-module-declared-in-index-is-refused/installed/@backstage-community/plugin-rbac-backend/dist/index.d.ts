import * as _backstage_backend_plugin_api from '@backstage/backend-plugin-api';
import express from 'express';
import { LoggerService } from '@backstage/backend-plugin-api';

interface RouterOptions {
    logger: LoggerService;
}
declare function createRouter(options: RouterOptions): Promise<express.Router>;

declare const rbacPlugin: _backstage_backend_plugin_api.BackendFeature;

export { type RouterOptions, createRouter, rbacPlugin as default };
