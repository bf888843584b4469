const WEATHER_STATION_ANNOTATION = "acme.com/weather-station";
const isWeatherAvailable = (entity) => Boolean(entity.metadata.annotations?.[WEATHER_STATION_ANNOTATION]);

export { WEATHER_STATION_ANNOTATION, isWeatherAvailable };
//# sourceMappingURL=conditions.esm.js.map
