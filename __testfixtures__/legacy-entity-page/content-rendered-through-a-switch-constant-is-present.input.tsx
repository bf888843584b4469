import React from 'react';
import { Grid } from '@material-ui/core';
import { EmptyState } from '@backstage/core-components';
import {
  EntityAboutCard,
  EntityLayout,
  EntitySwitch,
  isComponentType,
  isKind,
} from '@backstage/plugin-catalog';
import {
  EntityCarmenContent,
  isCarmenAvailable,
} from '@internal/backstage-plugin-carmen';

const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item md={6}>
      <EntityAboutCard variant="gridItem" />
    </Grid>
  </Grid>
);

// Our pipelines: carmen runs them.
const ciContent = (
  <EntitySwitch>
    <EntitySwitch.Case if={isCarmenAvailable}>
      <EntityCarmenContent />
    </EntitySwitch.Case>
    <EntitySwitch.Case>
      <EmptyState title="No CI available" missing="info" />
    </EntitySwitch.Case>
  </EntitySwitch>
);

const pipelinesTab = (
  <Grid container spacing={3}>
    <Grid item xs={12}>
      {ciContent}
    </Grid>
  </Grid>
);

const serviceEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
    <EntityLayout.Route path="/pipelines" title="Pipelines">
      {pipelinesTab}
    </EntityLayout.Route>
  </EntityLayout>
);

const websiteEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
    <EntityLayout.Route path="/ci" title="CI">
      {ciContent}
    </EntityLayout.Route>
  </EntityLayout>
);

const defaultEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
  </EntityLayout>
);

const componentPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isComponentType('service')}>
      {serviceEntityPage}
    </EntitySwitch.Case>
    <EntitySwitch.Case if={isComponentType('website')}>
      {websiteEntityPage}
    </EntitySwitch.Case>
    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={componentPage} />
    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);
