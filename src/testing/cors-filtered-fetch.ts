/** Response headers a cross-origin page can always read (Fetch standard's CORS-safelisted response headers). */
const SAFELISTED = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];

/**
 * A fetch for specs in Node that shows responses as a cross-origin page in a browser sees them:
 * only safelisted headers and those the server lists in `Access-Control-Expose-Headers`.
 * Node's fetch applies no CORS, so without this a hidden `Content-Range` would still be readable.
 */
export function corsFilteredFetch(base: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  return async (input, init) => {
    const res = await base(input, init);
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
    const headers = new Headers();
    res.headers.forEach((value, name) => {
      if (SAFELISTED.includes(name) || exposed.includes(name)) headers.set(name, value);
    });
    const filtered = new Response(res.body, { status: res.status, statusText: res.statusText, headers });
    Object.defineProperty(filtered, 'url', { value: res.url });
    return filtered;
  };
}
