export async function createRouter(options: { logger: unknown }) {
  return options;
}
