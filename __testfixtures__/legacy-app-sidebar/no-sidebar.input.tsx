import React, { PropsWithChildren } from 'react';
import { CustomShell } from '@internal/shell';

export const Root = ({ children }: PropsWithChildren<{}>) => (
  <CustomShell>{children}</CustomShell>
);
