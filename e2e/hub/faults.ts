/** Faults a test can inject into the hub double through its control endpoint. */
export type Fault =
  /** Cut the connection when a response body reaches this file offset (once). */
  | { readonly kind: 'drop'; readonly atByte: number; readonly path?: string }
  /** Answer `resolve` with this status (500, 429, 503…) the next `times` times. */
  | { readonly kind: 'status'; readonly status: number; readonly path?: string; readonly times?: number; readonly retryAfter?: number }
  /** Flip the byte at this file offset in every response that carries it. */
  | { readonly kind: 'corrupt'; readonly path: string; readonly atByte: number }
  /** Send bodies at most this fast. */
  | { readonly kind: 'throttle'; readonly bytesPerSecond: number }
  /** Make every presigned CDN URL issued so far expired. */
  | { readonly kind: 'expire-urls' };

const matches = (wanted: string | undefined, path: string): boolean => wanted === undefined || wanted === path;

/** The double's mutable fault table; each consumer takes what applies to one response. */
export class FaultTable {
  #drops: { atByte: number; path?: string }[] = [];
  #statuses: { status: number; path?: string; left: number; retryAfter?: number }[] = [];
  #corrupt: { path: string; atByte: number }[] = [];
  #bytesPerSecond = 0;
  #expiredBefore = 0;

  add(fault: Fault, now: number): void {
    switch (fault.kind) {
      case 'drop': this.#drops.push({ ...fault }); break;
      case 'status': this.#statuses.push({ ...fault, left: fault.times ?? 1 }); break;
      case 'corrupt': this.#corrupt.push({ ...fault }); break;
      case 'throttle': this.#bytesPerSecond = fault.bytesPerSecond; break;
      case 'expire-urls': this.#expiredBefore = now; break;
      default: fault satisfies never;
    }
  }

  reset(): void {
    this.#drops = [];
    this.#statuses = [];
    this.#corrupt = [];
    this.#bytesPerSecond = 0;
    this.#expiredBefore = 0;
  }

  /** A status to answer instead of the file, consuming one use of it. */
  takeStatus(path: string): { status: number; retryAfter?: number } | null {
    const hit = this.#statuses.find((s) => s.left > 0 && matches(s.path, path));
    if (!hit) return null;
    hit.left -= 1;
    this.#statuses = this.#statuses.filter((s) => s.left > 0);
    return { status: hit.status, retryAfter: hit.retryAfter };
  }

  /** The first drop offset inside [start, end], consumed. */
  takeDrop(path: string, start: number, end: number): number | null {
    const index = this.#drops.findIndex((d) => matches(d.path, path) && d.atByte >= start && d.atByte <= end);
    if (index < 0) return null;
    const [drop] = this.#drops.splice(index, 1);
    return drop.atByte;
  }

  corruptOffsets(path: string): number[] {
    return this.#corrupt.filter((c) => c.path === path).map((c) => c.atByte);
  }

  get bytesPerSecond(): number {
    return this.#bytesPerSecond;
  }

  /** Presigned URLs issued (in ms since epoch) before this are expired. */
  get expiredBefore(): number {
    return this.#expiredBefore;
  }
}
