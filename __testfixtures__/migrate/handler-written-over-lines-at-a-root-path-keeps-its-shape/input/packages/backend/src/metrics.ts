/** The metrics the load balancer scrapes. */
export function metricsText(): string {
  return 'up 1\n';
}
