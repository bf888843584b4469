import Router from 'express-promise-router';

/** Old proxy paths the app's links still use, sent to their new names. */
export function legacyRedirects() {
  const router = Router();
  router.get('/jenkins/*', (request, response) => {
    response.redirect(301, request.originalUrl.replace('/legacy/jenkins', '/ci'));
  });
  return router;
}
