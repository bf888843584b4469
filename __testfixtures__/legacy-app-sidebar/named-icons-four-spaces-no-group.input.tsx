import React, { PropsWithChildren } from "react"
import { Home, Extension } from "@mui/icons-material"
import { Sidebar, SidebarItem, SidebarPage } from "@backstage/core-components"

export const Root = ({ children }: PropsWithChildren<{}>) => (
    <SidebarPage>
        <Sidebar>
            <SidebarItem icon={Home} to="catalog" text="Home" />
            <SidebarItem icon={Extension} to="api-docs" text="APIs" />
        </Sidebar>
        {children}
    </SidebarPage>
)
