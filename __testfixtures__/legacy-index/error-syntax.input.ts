import Router from 'express-promise-router';

async function main() {
  const apiRouter = Router(;
}
