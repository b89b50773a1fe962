import { AttemptError } from './attempt-error.ts';
import { parseRetryAfter } from './retry-policy.ts';

export interface RangeRequest {
  readonly url: string;
  readonly hubOrigin: string;
  /** Bytes already on disk: ask for the rest. */
  readonly from: number;
  /** Sent as If-Range so a changed file comes back whole instead of spliced. */
  readonly etag: string | null;
  readonly accessToken?: string;
  readonly fetch: typeof fetch;
  readonly signal: AbortSignal;
  readonly now: () => number;
}

export interface RangeResponse {
  readonly body: ReadableStream<Uint8Array>;
  /** Where the body starts in the file: `from`, or 0 when the server sent the whole file. */
  readonly start: number;
  readonly etag: string | null;
}

function failure(res: Response, hubOrigin: string, now: number): AttemptError {
  const fromCdn = new URL(res.url || hubOrigin).origin !== hubOrigin;
  const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'), res.headers.get('RateLimit'), now);
  const errorCode = fromCdn ? null : res.headers.get('X-Error-Code');
  return new AttemptError({ kind: 'status', status: res.status, fromCdn, retryAfterMs }, `HTTP ${res.status}`, errorCode);
}

/**
 * GET a file from `resolve` (following the redirect to the CDN) from byte `from` on.
 * The token goes only on the hub request: browsers and undici drop Authorization
 * on a cross-origin redirect, so the CDN never receives it.
 */
export async function fetchRange(req: RangeRequest): Promise<RangeResponse> {
  const headers = new Headers();
  if (req.accessToken) headers.set('Authorization', `Bearer ${req.accessToken}`);
  if (req.from > 0) {
    headers.set('Range', `bytes=${req.from}-`);
    if (req.etag) headers.set('If-Range', req.etag);
  }
  let res: Response;
  try {
    res = await req.fetch(req.url, { headers, signal: req.signal, cache: 'no-store' });
  } catch (error) {
    if (req.signal.aborted) throw error;
    throw new AttemptError({ kind: 'network' }, error instanceof Error ? error.message : String(error));
  }
  if (!res.ok || !res.body) throw failure(res, req.hubOrigin, req.now());
  const etag = res.headers.get('X-Linked-Etag') ?? res.headers.get('ETag');
  if (res.status === 200) return { body: res.body, start: 0, etag };
  const range = res.headers.get('Content-Range')?.match(/^bytes (\d+)-/);
  if (!range || Number(range[1]) !== req.from) {
    await res.body.cancel();
    throw new AttemptError({ kind: 'network' }, `Unexpected Content-Range ${res.headers.get('Content-Range')}`);
  }
  return { body: res.body, start: req.from, etag };
}
