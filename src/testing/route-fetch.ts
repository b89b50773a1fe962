/** A route table: `"GET /path?query"` (or a RegExp over that string) → a Response maker. */
export type Routes = ReadonlyArray<readonly [string | RegExp, (request: Request) => Response | Promise<Response>]>;

/**
 * A fake fetch for specs that answers only the listed routes and throws on anything else,
 * so a spec fails loudly when code asks for something it should not.
 */
export function routeFetch(routes: Routes, calls: Request[] = []): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    calls.push(request);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}${url.search}`;
    const route = routes.find(([pattern]) => (typeof pattern === 'string' ? pattern === key : pattern.test(key)));
    if (!route) throw new Error(`routeFetch: unexpected request ${key}`);
    return route[1](request);
  };
}

export const json = (value: unknown, init: ResponseInit = {}): Response =>
  new Response(JSON.stringify(value), { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
