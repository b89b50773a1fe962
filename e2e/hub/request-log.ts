import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LoggedRequest {
  readonly server: 'hub' | 'cdn';
  readonly method: string;
  readonly url: string;
  readonly range: string | null;
  readonly ifRange: string | null;
  /** Whether an Authorization header arrived; the token itself is never logged. */
  readonly authorization: boolean;
  readonly origin: string | null;
  readonly time: number;
  /** Responses of this server still open when this request arrived, itself included: the client's concurrent connections. */
  readonly concurrent: number;
}

export function logEntry(server: 'hub' | 'cdn', req: IncomingMessage, now: number, concurrent = 1): LoggedRequest {
  const header = (name: string): string | null => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : null;
  };
  return Object.freeze({
    server,
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    range: header('range'),
    ifRange: header('if-range'),
    authorization: header('authorization') !== null,
    origin: header('origin'),
    time: now,
    concurrent,
  });
}

/** Counts a server's open responses, for `LoggedRequest.concurrent`. */
export function openResponses(): { open(res: ServerResponse): number } {
  let count = 0;
  return {
    open(res) {
      count += 1;
      res.once('close', () => (count -= 1));
      return count;
    },
  };
}
