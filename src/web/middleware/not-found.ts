import type { RequestHandler } from 'express';
import { HttpError } from '../http-error';

/** After every route: nothing answered, so nothing is there. */
export const notFound: RequestHandler = (req) => {
  throw new HttpError(404, `nothing at ${req.method} ${req.path.slice(0, 200)}`);
};
