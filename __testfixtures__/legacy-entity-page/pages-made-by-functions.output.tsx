import React from 'react';
import { Grid } from '@material-ui/core';
import {
  EntityAboutCard,
  EntityLayout,
  EntitySwitch,
  isComponentType,
  isKind,
} from '@backstage/plugin-catalog';
import { EntityTechdocsContent } from '@backstage/plugin-techdocs';
import {
  EntityCarmenContent,
  isCarmenAvailable,
} from '@internal/backstage-plugin-carmen';

const overviewRoute = () => (
  <EntityLayout.Route path="/" title="Overview">
    <Grid container spacing={3} alignItems="stretch">
      <Grid item md={6}>
        <EntityAboutCard variant="gridItem" />
      </Grid>
    </Grid>
  </EntityLayout.Route>
);

const docsRoute = () => (
  <EntityLayout.Route path="/docs" title="Docs">
    <EntityTechdocsContent />
  </EntityLayout.Route>
);

const serviceEntityPage = () => (
  <EntityLayout>
    {overviewRoute()}
    {docsRoute()}
    <EntityLayout.Route path="/carmen" title="Carmen" if={isCarmenAvailable}>
      <EntityCarmenContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const websiteEntityPage = () => {
  return (
    <EntityLayout>
      {overviewRoute()}
      {docsRoute()}
      <EntityLayout.Route path="/carmen" title="Carmen" if={isCarmenAvailable}>
        <EntityCarmenContent />
      </EntityLayout.Route>
    </EntityLayout>
  );
};

const defaultEntityPage = () => <EntityLayout>{overviewRoute()}</EntityLayout>;

const componentPage = () => (
  <EntitySwitch>
    <EntitySwitch.Case if={isComponentType('service')}>
      {serviceEntityPage()}
    </EntitySwitch.Case>
    <EntitySwitch.Case if={isComponentType('website')}>
      {websiteEntityPage()}
    </EntitySwitch.Case>
    <EntitySwitch.Case>{defaultEntityPage()}</EntitySwitch.Case>
  </EntitySwitch>
);

export const entityPage = () => (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')}>
      {componentPage()}
    </EntitySwitch.Case>
    <EntitySwitch.Case>{defaultEntityPage()}</EntitySwitch.Case>
  </EntitySwitch>
);
