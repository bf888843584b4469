/*
 * Copyright 2024 The Acme Authors
 *
 * Licensed under the Apache License, Version 2.0
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-catalog-backend/alpha'));

backend.start();
