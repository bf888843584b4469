import React from 'react';
import { EntityAboutCard, EntityLayout } from '@backstage/plugin-catalog';

const defaultEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <EntityAboutCard />
    </EntityLayout.Route>
  </EntityLayout>
);

export const entityPage = defaultEntityPage;
