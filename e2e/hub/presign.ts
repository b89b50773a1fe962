import { createHmac, timingSafeEqual } from 'node:crypto';

/** Presigned CDN URLs like the hub's LFS redirects: they carry a signature and an expiry. */
export class Presigner {
  readonly #secret: string;
  readonly #ttlSeconds: number;

  constructor(secret: string, ttlSeconds = 3600) {
    this.#secret = secret;
    this.#ttlSeconds = ttlSeconds;
  }

  #signature(path: string, issued: number): string {
    return createHmac('sha256', this.#secret).update(`${path}\n${issued}\n${this.#ttlSeconds}`).digest('hex');
  }

  sign(base: string, path: string, now: number): string {
    const query = new URLSearchParams({
      'X-Amz-Date': String(now),
      'X-Amz-Expires': String(this.#ttlSeconds),
      'X-Amz-Signature': this.#signature(path, now),
    });
    return `${base}${path}?${query}`;
  }

  /** 'ok', or why the URL is refused. */
  check(url: URL, now: number, expiredBefore: number): 'ok' | 'bad-signature' | 'expired' {
    const issued = Number(url.searchParams.get('X-Amz-Date'));
    const given = Buffer.from(url.searchParams.get('X-Amz-Signature') ?? '');
    const wanted = Buffer.from(this.#signature(url.pathname, issued));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'bad-signature';
    if (now > issued + this.#ttlSeconds * 1000 || issued <= expiredBefore) return 'expired'; // issued in the same millisecond as the fault counts as before it
    return 'ok';
  }
}
