export const metricsHandler = () => (_q: unknown, _s: unknown, next: () => void) => next();
