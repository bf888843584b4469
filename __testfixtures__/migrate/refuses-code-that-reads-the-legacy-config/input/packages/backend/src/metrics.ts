export function initMetrics() {}
