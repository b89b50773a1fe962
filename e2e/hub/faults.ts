/** Faults a test can inject into the hub double through its control endpoint. */
export type Fault =
  /** Cut the connection when a response body reaches this file offset (once). */
  | { readonly kind: 'drop'; readonly atByte: number; readonly path?: string }
  /** Stop sending at this file offset and keep the socket open, sending nothing, until the client gives up (once). */
  | { readonly kind: 'stall'; readonly atByte: number; readonly path?: string }
  /** Send at full speed up to this file offset, then one byte a second, never closing, as a failing link or a throttling proxy does (once). */
  | { readonly kind: 'trickle'; readonly atByte: number; readonly path?: string }
  /** End a body cleanly at this file offset: chunked, no Content-Length, so the client sees a short but "complete" body (once). */
  | { readonly kind: 'truncate'; readonly atByte: number; readonly path?: string }
  /** Answer a ranged request with 200 and the whole file, as servers without Range support do (`times`, default 1). */
  | { readonly kind: 'ignore-range'; readonly path?: string; readonly times?: number }
  /**
   * Answer a ranged request with 206 whose body and Content-Range start `shift` bytes off the asked
   * start (once); with `startsWithin`, only a request whose range starts inside [from, to].
   */
  | { readonly kind: 'wrong-start'; readonly shift: number; readonly path?: string; readonly startsWithin?: readonly [number, number] }
  /** Answer ranged requests with at most `bytes` bytes (a 206 shorter than asked, as RFC 9110 allows and some CDNs do) the next `times` times. */
  | { readonly kind: 'cap-range'; readonly bytes: number; readonly path?: string; readonly times?: number }
  /** Never answer the tree or revision API (no status, no headers) the next `times` times. */
  | { readonly kind: 'stall-api'; readonly api: 'tree' | 'revision'; readonly times?: number }
  /**
   * Answer `resolve` with this status (500, 429, 503…) the next `times` times. `retryAfter` is sent
   * in seconds; `retryAfterDateIn` as an HTTP-date that many seconds after the answer.
   */
  | { readonly kind: 'status'; readonly status: number; readonly path?: string; readonly times?: number; readonly retryAfter?: number; readonly retryAfterDateIn?: number }
  /** Flip the byte at this file offset in every response that carries it; with `after`, only once that many responses carried it intact (a re-fetch that goes wrong). */
  | { readonly kind: 'corrupt'; readonly path: string; readonly atByte: number; readonly after?: number }
  /** Serve the file `by` bytes longer (zeros after it) or shorter than the listing says, on every request. */
  | { readonly kind: 'resize'; readonly path: string; readonly by: number }
  /** Send each response body at most this fast: a per-connection limit, as CDNs and proxies impose (HTTP/1.1 carries one response at a time per connection). */
  | { readonly kind: 'throttle'; readonly bytesPerSecond: number }
  /**
   * Make every presigned CDN URL issued so far expired; with `next`, also refuse the next that many
   * CDN requests as expired, as when a URL outlives its hour between `resolve` and its use.
   */
  | { readonly kind: 'expire-urls'; readonly next?: number }
  /**
   * The CDN behaves like the hub's Xet bridge was reported to (FACTS.md): OPTIONS answered 403,
   * and no `Access-Control-Expose-Headers`, so a page cannot read Content-Range, ETag or Accept-Ranges.
   */
  | { readonly kind: 'strict-cdn' }
  /** Expose no rate-limit headers (Retry-After, RateLimit), as the real hub's CORS list does not (FACTS.md): a page sees a bare 429. */
  | { readonly kind: 'hide-rate-limits' }
  /** The tree API's `Link: next` points at another origin (a mirror's pages elsewhere, or a hostile redirect of them). */
  | { readonly kind: 'link-elsewhere'; readonly origin: string };

export interface InjectedStatus {
  readonly status: number;
  readonly retryAfter?: number;
  readonly retryAfterDateIn?: number;
}

/** When a stalled body stopped sending (or began to trickle): what the bench measures recovery from. */
export interface StallStart {
  readonly path: string;
  readonly atByte: number;
  readonly time: number;
}

/** Where a body is cut short, and how. */
export type BodyCut = { readonly kind: 'drop' | 'stall' | 'truncate' | 'trickle'; readonly atByte: number };

const matches = (wanted: string | undefined, path: string): boolean => wanted === undefined || wanted === path;

type Counted<T> = T & { left: number };

/** Take one use of the first entry that matches, dropping used-up entries; null when none matches. */
function takeOne<T extends { left: number }>(list: T[], match: (entry: T) => boolean): T | null {
  const hit = list.find((entry) => entry.left > 0 && match(entry));
  if (!hit) return null;
  hit.left -= 1;
  list.splice(0, list.length, ...list.filter((entry) => entry.left > 0));
  return hit;
}

/** The double's mutable fault table; each consumer takes what applies to one response. */
export class FaultTable {
  #cuts: Counted<BodyCut & { path?: string }>[] = [];
  #statuses: Counted<InjectedStatus & { path?: string }>[] = [];
  #ignoreRange: Counted<{ path?: string }>[] = [];
  #caps: Counted<{ path?: string; bytes: number }>[] = [];
  #wrongStart: Counted<{ path?: string; shift: number; startsWithin?: readonly [number, number] }>[] = [];
  #apiStalls: Counted<{ api: 'tree' | 'revision' }>[] = [];
  #corrupt: { path: string; atByte: number; after: number }[] = [];
  #resize = new Map<string, number>();
  #bytesPerSecond = 0;
  #expiredBefore = 0;
  #expireNext = 0;
  #strictCdn = false;
  #hideRateLimits = false;
  #linkOrigin: string | null = null;
  readonly stallStarts: StallStart[] = [];

  add(fault: Fault, now: number): void {
    switch (fault.kind) {
      case 'drop': case 'stall': case 'truncate': case 'trickle': this.#cuts.push({ ...fault, left: 1 }); break;
      case 'status': this.#statuses.push({ ...fault, left: fault.times ?? 1 }); break;
      case 'ignore-range': this.#ignoreRange.push({ path: fault.path, left: fault.times ?? 1 }); break;
      case 'wrong-start': this.#wrongStart.push({ ...fault, left: 1 }); break;
      case 'cap-range': this.#caps.push({ path: fault.path, bytes: fault.bytes, left: fault.times ?? 1 }); break;
      case 'stall-api': this.#apiStalls.push({ api: fault.api, left: fault.times ?? 1 }); break;
      case 'resize': this.#resize.set(fault.path, fault.by); break;
      case 'corrupt': this.#corrupt.push({ path: fault.path, atByte: fault.atByte, after: fault.after ?? 0 }); break;
      case 'throttle': this.#bytesPerSecond = fault.bytesPerSecond; break;
      case 'expire-urls': this.#expiredBefore = now; this.#expireNext += fault.next ?? 0; break;
      case 'strict-cdn': this.#strictCdn = true; break;
      case 'hide-rate-limits': this.#hideRateLimits = true; break;
      case 'link-elsewhere': this.#linkOrigin = fault.origin; break;
      default: fault satisfies never;
    }
  }

  reset(): void {
    this.#cuts = [];
    this.#statuses = [];
    this.#ignoreRange = [];
    this.#wrongStart = [];
    this.#caps = [];
    this.#apiStalls = [];
    this.#corrupt = [];
    this.#resize.clear();
    this.#bytesPerSecond = 0;
    this.#expiredBefore = 0;
    this.#expireNext = 0;
    this.#strictCdn = false;
    this.#hideRateLimits = false;
    this.#linkOrigin = null;
    this.stallStarts.length = 0;
  }

  /** Whether to refuse this CDN request as expired whatever its URL says, consumed. */
  takeExpireNext(): boolean {
    if (this.#expireNext === 0) return false;
    this.#expireNext -= 1;
    return true;
  }

  /** A status to answer instead of the file, consuming one use of it. */
  takeStatus(path: string): InjectedStatus | null {
    const hit = takeOne(this.#statuses, (s) => matches(s.path, path));
    return hit && { status: hit.status, retryAfter: hit.retryAfter, retryAfterDateIn: hit.retryAfterDateIn };
  }

  /** The first cut inside [start, end], consumed. */
  takeCut(path: string, start: number, end: number): BodyCut | null {
    const hit = takeOne(this.#cuts, (c) => matches(c.path, path) && c.atByte >= start && c.atByte <= end);
    return hit && { kind: hit.kind, atByte: hit.atByte };
  }

  /** Whether this ranged request should get the whole file instead, consumed. */
  takeIgnoreRange(path: string): boolean {
    return takeOne(this.#ignoreRange, (r) => matches(r.path, path)) !== null;
  }

  /** How far off to start this ranged answer, consumed; 0 for a correct answer. */
  takeWrongStart(path: string, start: number): number {
    const inside = (w: { startsWithin?: readonly [number, number] }): boolean => !w.startsWithin || (start >= w.startsWithin[0] && start <= w.startsWithin[1]);
    return takeOne(this.#wrongStart, (w) => matches(w.path, path) && inside(w))?.shift ?? 0;
  }

  /** How many bytes at most this ranged answer may carry, consumed; null for no cap. */
  takeCap(path: string): number | null {
    return takeOne(this.#caps, (c) => matches(c.path, path))?.bytes ?? null;
  }

  /** Whether this API call should never be answered, consumed. */
  takeApiStall(api: 'tree' | 'revision'): boolean {
    return takeOne(this.#apiStalls, (s) => s.api === api) !== null;
  }

  /** How many bytes longer (or, negative, shorter) than listed the file is served. */
  resizedBy(path: string): number {
    return this.#resize.get(path) ?? 0;
  }

  /** Offsets to flip in a response carrying bytes [start, end] of `path`; one carrying an offset still under its `after` count is left intact (and counted). */
  corruptOffsets(path: string, start: number, end: number): number[] {
    const carried = this.#corrupt.filter((c) => c.path === path && c.atByte >= start && c.atByte <= end);
    return carried.filter((c) => (c.after > 0 ? (c.after -= 1, false) : true)).map((c) => c.atByte);
  }

  get bytesPerSecond(): number {
    return this.#bytesPerSecond;
  }

  /** Presigned URLs issued (in ms since epoch) at or before this are expired. */
  get expiredBefore(): number {
    return this.#expiredBefore;
  }

  get strictCdn(): boolean {
    return this.#strictCdn;
  }

  get hideRateLimits(): boolean {
    return this.#hideRateLimits;
  }

  /** The origin tree pages' `Link: next` points at instead of the hub's own; null for the hub's. */
  get linkOrigin(): string | null {
    return this.#linkOrigin;
  }
}
