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
  /** When the response ended (its last byte sent, or the connection closed); null while it is open. */
  end: number | null;
}

export function logEntry(server: 'hub' | 'cdn', req: IncomingMessage, now: number, concurrent = 1): LoggedRequest {
  const header = (name: string): string | null => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : null;
  };
  return Object.seal({
    server,
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    range: header('range'),
    ifRange: header('if-range'),
    authorization: header('authorization') !== null,
    origin: header('origin'),
    time: now,
    concurrent,
    end: null,
  });
}

/** Logs a request with how many of the server's responses are open (itself included), and when its response ends. */
export function openResponses(): { log(server: 'hub' | 'cdn', req: IncomingMessage, res: ServerResponse): LoggedRequest } {
  let count = 0;
  return {
    log(server, req, res) {
      count += 1;
      const entry = logEntry(server, req, Date.now(), count);
      res.once('close', () => {
        count -= 1;
        entry.end = Date.now();
      });
      return entry;
    },
  };
}
