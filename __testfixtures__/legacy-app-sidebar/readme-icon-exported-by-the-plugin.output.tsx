import React, { PropsWithChildren } from 'react';
import HomeIcon from '@material-ui/icons/Home';
import CategoryIcon from '@material-ui/icons/Category';
import {
  Sidebar,
  SidebarGroup,
  SidebarItem,
  SidebarPage,
} from '@backstage/core-components';
import { KialiIcon } from '@backstage-community/plugin-kiali';

export const Root = ({ children }: PropsWithChildren<{}>) => (
  <SidebarPage>
    <Sidebar>
      <SidebarGroup label="Menu">
        <SidebarItem icon={HomeIcon} to="/catalog" text="Home" />
        <SidebarItem icon={CategoryIcon} to="/api-docs" text="APIs" />
        <SidebarItem icon={KialiIcon} to="/kiali" text="Kiali" />
      </SidebarGroup>
    </Sidebar>
    {children}
  </SidebarPage>
);
