import type { RequestHandler } from 'express';
import { HttpError } from '../http-error';

/**
 * Without a token the server listens on loopback only, and answers only requests addressed to
 * a loopback name: a web page elsewhere cannot reach it by pointing a name of its own at
 * 127.0.0.1 (DNS rebinding), since the browser then sends that name as the Host.
 */
export const localHostOnly: RequestHandler = (req, _res, next) => {
  const host = req.headers.host ?? '';
  if (!isLoopbackName(hostname(host))) {
    throw new HttpError(
      403,
      `this Galley answers only to localhost, not to '${host.slice(0, 100)}': to serve a team, set GALLEY_TOKEN and --host`,
    );
  }
  next();
};

/** `example.org:3000` → `example.org`; `[::1]:3000` → `[::1]`. */
function hostname(host: string): string {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return name.toLowerCase().replace(/\.$/, '');
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}
