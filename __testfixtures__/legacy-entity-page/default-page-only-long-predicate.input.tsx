import React from 'react';
import { EntityLayout } from '@backstage/plugin-catalog';
import { EntityAboutCard } from '@backstage/plugin-catalog';

export const entityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <EntityAboutCard />
    </EntityLayout.Route>
  </EntityLayout>
);

const defaultEntityPage = entityPage;
