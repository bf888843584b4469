import React from 'react';
import { EntitySwitch, isComponentType } from '@backstage/plugin-catalog';
import { serviceEntityPage } from './pages/service';
import { websiteEntityPage } from './pages/website';

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isComponentType('service')}>
      {serviceEntityPage}
    </EntitySwitch.Case>
    <EntitySwitch.Case if={isComponentType('website')}>
      {websiteEntityPage}
    </EntitySwitch.Case>
  </EntitySwitch>
);
