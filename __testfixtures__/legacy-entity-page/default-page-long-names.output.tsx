import React from 'react';
import { EntityAboutCard, EntityLayout } from '@backstage/plugin-catalog';
import {
  EntityGithubActionsWorkflowsContent,
  isGithubActionsWorkflowsAvailable,
} from '@internal/backstage-plugin-github-actions-workflows';

const defaultEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <EntityAboutCard />
    </EntityLayout.Route>
    <EntityLayout.Route
      path="/github-actions-workflows"
      title="Github Actions Workflows"
      if={isGithubActionsWorkflowsAvailable}
    >
      <EntityGithubActionsWorkflowsContent />
    </EntityLayout.Route>
  </EntityLayout>
);

export const entityPage = defaultEntityPage;
