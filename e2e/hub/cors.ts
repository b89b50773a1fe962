import type { IncomingMessage, ServerResponse } from 'node:http';

const DOWNLOAD_HEADERS = ['Content-Range', 'Content-Length', 'ETag', 'Accept-Ranges', 'Link', 'X-Linked-Size', 'X-Linked-Etag', 'X-Repo-Commit', 'X-Error-Code', 'X-Error-Message', 'X-Request-Id'];
const RATE_LIMIT_HEADERS = ['Retry-After', 'RateLimit', 'RateLimit-Policy'];

/** How much a cross-origin page may read: `strict` (the Xet bridge as reported) only the safelist; `hideRateLimits` (the real hub, FACTS.md) not the wait a 429 asks for. */
export interface CorsMode {
  readonly strict?: boolean;
  readonly hideRateLimits?: boolean;
}

/** CORS as the hub and its CDN send it: any origin, the download headers exposed (as `mode` allows). */
export function applyCors(res: ServerResponse, mode: CorsMode = {}): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (!mode.strict) res.setHeader('Access-Control-Expose-Headers', [...DOWNLOAD_HEADERS, ...(mode.hideRateLimits ? [] : RATE_LIMIT_HEADERS)].join(', '));
}

/** Answer a preflight (a strict origin refuses it with 403); returns true when the request was one. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, strict = false): boolean {
  if (req.method !== 'OPTIONS') return false;
  if (strict) {
    res.statusCode = 403;
    res.end('Forbidden');
    return true;
  }
  applyCors(res, {});
  res.statusCode = 204;
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('Access-Control-Max-Age', '86400');
  res.end();
  return true;
}
