/** Loopback hosts: a token may travel there over plain http (local mirrors, tests). */
function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname.endsWith('.localhost') || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

/** Whether a token entered for `tokenOrigin` may go on a request to `url`: that origin only, and over https (loopback exempt). */
export function mayCarryToken(url: string | URL, tokenOrigin: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return target.origin === tokenOrigin && (target.protocol === 'https:' || (target.protocol === 'http:' && isLoopback(target)));
}

const urlOf = (input: RequestInfo | URL): string => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/**
 * A fetch that drops `Authorization` from any request the token may not go on: another origin (a
 * `Link: next` page elsewhere, a redirect we follow ourselves) or plain http. Libraries such as
 * `@huggingface/hub` copy the header to every page they follow; this is where that stops.
 */
export function tokenScopedFetch(inner: typeof fetch, tokenOrigin: string): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has('Authorization') || mayCarryToken(urlOf(input), tokenOrigin)) return inner(input, init);
    headers.delete('Authorization');
    return inner(input instanceof Request ? new Request(input, { headers }) : input, { ...init, headers });
  };
}

/** The token for a request to `hubUrl`, when the person entered it for that hub's origin; else none. */
export function tokenFor(hubUrl: string, token: { readonly value: string; readonly origin: string } | null): string | undefined {
  if (!token || token.value === '') return undefined;
  return mayCarryToken(hubUrl, token.origin) ? token.value : undefined;
}
