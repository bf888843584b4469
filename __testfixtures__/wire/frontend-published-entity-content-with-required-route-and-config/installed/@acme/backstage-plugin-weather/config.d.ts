export interface Config {
  weather: {
    /** @visibility frontend */
    station: string;
    /** @visibility frontend */
    units?: 'metric' | 'imperial';
  };
}
