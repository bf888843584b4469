import { Request, Response } from 'express';

export function metricsHandler() {
  return (_request: Request, response: Response) => {
    response.type('text/plain').send('up 1\n');
  };
}
