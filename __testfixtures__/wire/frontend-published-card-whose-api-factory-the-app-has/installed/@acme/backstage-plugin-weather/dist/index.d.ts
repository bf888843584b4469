/// <reference types="react" />
import * as _backstage_core_plugin_api from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';

declare const weatherPlugin: _backstage_core_plugin_api.BackstagePlugin<{}, {
    viewDocs: _backstage_core_plugin_api.ExternalRouteRef<undefined, false>;
}>;
declare const EntityWeatherContent: () => JSX.Element;
declare const EntityWeatherCard: () => JSX.Element;
declare const isWeatherAvailable: (entity: Entity) => boolean;

export { EntityWeatherCard, EntityWeatherContent, isWeatherAvailable, weatherPlugin };
