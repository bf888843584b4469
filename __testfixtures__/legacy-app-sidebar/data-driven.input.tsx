import React, { PropsWithChildren } from 'react';
import { Sidebar, SidebarItem, SidebarPage } from '@backstage/core-components';
import { menuItems } from './menuItems';

export const Root = ({ children }: PropsWithChildren<{}>) => (
  <SidebarPage>
    <Sidebar>
      {menuItems.map(item => (
        <SidebarItem key={item.to} icon={item.icon} to={item.to} text={item.text} />
      ))}
    </Sidebar>
    {children}
  </SidebarPage>
);
