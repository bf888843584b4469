export const errorHandler = () => (_e: unknown, _q: unknown, _s: unknown, next: () => void) => next();
