import { createSpecializedBackend } from '@backstage/backend-app-api'
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig'
import { rootLoggerServiceFactory } from '@backstage/backend-defaults/rootLogger'

async function main() {
  const backend = createSpecializedBackend({
    defaultServiceFactories: [
      rootConfigServiceFactory,
      rootLoggerServiceFactory,
    ],
  })

  backend.add(import('@backstage/plugin-catalog-backend'))
  backend.add(import('@internal/backstage-plugin-carmen-backend'))

  await backend.start()
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
