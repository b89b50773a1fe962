import type { IncomingMessage } from 'node:http';

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
}

export function logEntry(server: 'hub' | 'cdn', req: IncomingMessage, now: number): LoggedRequest {
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
  });
}
