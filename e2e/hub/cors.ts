import type { IncomingMessage, ServerResponse } from 'node:http';

const EXPOSED = [
  'Content-Range', 'Content-Length', 'ETag', 'Accept-Ranges', 'Link', 'X-Linked-Size', 'X-Linked-Etag',
  'X-Repo-Commit', 'X-Error-Code', 'X-Error-Message', 'X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy',
].join(', ');

/**
 * CORS as the hub and its CDN send it: any origin, the download headers exposed. A strict
 * origin (the Xet bridge as reported) allows the origin but exposes nothing beyond the safelist.
 */
export function applyCors(res: ServerResponse, strict = false): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (!strict) res.setHeader('Access-Control-Expose-Headers', EXPOSED);
}

/** Answer a preflight (a strict origin refuses it with 403); returns true when the request was one. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, strict = false): boolean {
  if (req.method !== 'OPTIONS') return false;
  if (strict) {
    res.statusCode = 403;
    res.end('Forbidden');
    return true;
  }
  applyCors(res);
  res.statusCode = 204;
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('Access-Control-Max-Age', '86400');
  res.end();
  return true;
}
