import { mayCarryToken } from '../hub/token-scope.ts';
import { AttemptError } from './attempt-error.ts';
import { parseRetryAfter } from './retry-policy.ts';
import type { StallGuard } from './stall-guard.ts';

export interface RangeRequest {
  readonly url: string;
  readonly hubOrigin: string;
  /** Bytes already on disk: ask for the rest. */
  readonly from: number;
  /** Last byte wanted (inclusive), for a segment; the file's end when absent. */
  readonly end?: number;
  /** The file's size from the listing: how a 206 with a hidden Content-Range is checked. */
  readonly size: number;
  readonly accessToken?: string;
  readonly fetch: typeof fetch;
  /** The caller's abort signal (cancel). */
  readonly signal: AbortSignal;
  /** This attempt's watchdog; its signal is the one the request carries. */
  readonly guard: StallGuard;
  /** Wall clock, for Retry-After dates. */
  readonly wallNow: () => number;
}

export interface RangeResponse {
  readonly body: ReadableStream<Uint8Array>;
  /** Where the body starts in the file: `from`, or 0 when the server sent the whole file. */
  readonly start: number;
  /**
   * Where it ends (exclusive). A server may send less than the range asked for (RFC 9110 lets it);
   * the caller then asks again from there.
   */
  readonly end: number;
  /** The server sent the whole file (200), whatever range was asked for. */
  readonly whole: boolean;
}

export const sizeMismatch = (listed: number, served: number | null, larger: boolean): AttemptError =>
  new AttemptError({ kind: 'size-mismatch', listed, served, larger }, `The server's file is ${served ?? (larger ? 'larger' : 'smaller')} bytes, the listing says ${listed}`);

/**
 * The file's total as a ranged answer states it (Content-Range `…/N`), when it can be read. A 200's
 * Content-Length is not used: a compressed body (which a page cannot always tell) has another length.
 */
function servedTotal(res: Response): number | null {
  const total = res.headers.get('Content-Range')?.match(/\/(\d+)$/)?.[1];
  return total === undefined ? null : Number(total);
}

function failure(res: Response, hubOrigin: string, wallNow: number): AttemptError {
  const fromCdn = new URL(res.url || hubOrigin).origin !== hubOrigin;
  const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'), res.headers.get('RateLimit'), wallNow);
  const errorCode = fromCdn ? null : res.headers.get('X-Error-Code');
  return new AttemptError({ kind: 'status', status: res.status, fromCdn, retryAfterMs }, `HTTP ${res.status}`, errorCode);
}

const lastByte = (req: RangeRequest): number => req.end ?? req.size - 1;

/** A single range in the safelisted form (`bytes=N-` or `bytes=N-M`), or null for the whole file. */
function rangeHeader(req: RangeRequest): string | null {
  if (req.end !== undefined && (req.from > 0 || req.end < req.size - 1)) return `bytes=${req.from}-${req.end}`;
  return req.from > 0 ? `bytes=${req.from}-` : null;
}

/**
 * The bytes a 206 carries, when that can be known: from a readable Content-Range that starts where
 * asked (and may end sooner), or, where a CDN hides it (FACTS.md), from a Content-Length that is
 * exactly the range asked for. Null otherwise: bytes of unknown offset are never placed.
 */
function partialSpan(res: Response, req: RangeRequest): { start: number; end: number } | null {
  const contentRange = res.headers.get('Content-Range');
  if (contentRange !== null) {
    const match = contentRange.match(/^bytes (\d+)-(\d+)\/(\d+|\*)$/);
    if (!match) return null;
    const [first, last] = [Number(match[1]), Number(match[2])];
    return first === req.from && last >= first && last <= lastByte(req) ? { start: first, end: last + 1 } : null;
  }
  const length = res.headers.get('Content-Length');
  return length !== null && Number(length) === lastByte(req) + 1 - req.from ? { start: req.from, end: lastByte(req) + 1 } : null;
}

/**
 * GET a file from `resolve` (following the redirect to the CDN) from byte `from` on.
 * Only CORS-safelisted headers may reach the CDN, or a CDN that refuses preflight fails every
 * resume: `Authorization` goes to the hub and is dropped by the browser on the cross-origin
 * redirect, and `Range` is a single `bytes=N-` or `bytes=N-M`. No `If-Range`: the URL is pinned to a commit and
 * the bytes are verified against the hub's sha256, which is what keeps a resume correct.
 */
export async function fetchRange(req: RangeRequest): Promise<RangeResponse> {
  const headers = new Headers();
  if (req.accessToken && mayCarryToken(req.url, req.hubOrigin)) headers.set('Authorization', `Bearer ${req.accessToken}`);
  const range = rangeHeader(req);
  if (range !== null) headers.set('Range', range);
  const res = await req.guard.watch(req.fetch(req.url, { headers, signal: req.guard.signal, cache: 'no-store' }));
  const total = servedTotal(res);
  if (total !== null && total !== req.size) throw sizeMismatch(req.size, total, total > req.size);
  // Nothing left to send from a byte the listing says exists: the server's file is shorter.
  if (res.status === 416) throw sizeMismatch(req.size, null, false);
  if (!res.ok || !res.body) throw failure(res, req.hubOrigin, req.wallNow());
  if (res.status === 200) return { body: res.body, start: 0, end: req.size, whole: true };
  const span = res.status === 206 ? partialSpan(res, req) : null;
  if (span === null) {
    await res.body.cancel().catch(() => undefined);
    throw new AttemptError({ kind: 'unverifiable-range' }, `A ${res.status} answer whose start could not be checked (Content-Range ${res.headers.get('Content-Range')})`);
  }
  return { body: res.body, ...span, whole: false };
}
