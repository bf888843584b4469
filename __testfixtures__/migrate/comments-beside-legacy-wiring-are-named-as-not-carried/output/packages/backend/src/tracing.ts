export function initTracing(name: string) {
  return name;
}
