import { createBackend } from '@backstage/backend-defaults';

async function main() {
    const backend = createBackend();
    backend.add(import('@backstage/plugin-app-backend'));
    backend.add(import('@backstage/plugin-catalog-backend'));
    await backend.start();
}

main();
