import React from "react"
import { Route } from "react-router"
import { createApp, FlatRoutes } from "@backstage/core-app-api"
import { CatalogIndexPage } from "@backstage/plugin-catalog"
import { TechRadarPage } from "@backstage/plugin-tech-radar"
import { Root } from "./components/Root"
import { apis } from "./apis"
import { CarmenPage } from "@internal/backstage-plugin-carmen"

const app = createApp({ apis })

const AppProvider = app.getProvider()
const AppRouter = app.getRouter()

const routes = (
    <FlatRoutes>
        <Route path="/catalog" element={<CatalogIndexPage />} />
        <Route
            path="/tech-radar"
            element={<TechRadarPage width={1500} height={800} />}
        />
        <Route path="/carmen" element={<CarmenPage />} />
    </FlatRoutes>
)

const App = () => (
    <AppProvider>
        <AppRouter>
            <Root>{routes}</Root>
        </AppRouter>
    </AppProvider>
)

export default App
