'use strict';

var Router = require('express-promise-router');

async function createRouter(options) {
  const router = Router();
  router.get('/health', (_req, res) => res.json({ status: 'ok' }));
  return router;
}

exports.createRouter = createRouter;
