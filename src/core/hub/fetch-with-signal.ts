/** A fetch that always carries the caller's abort signal, whatever the library passes in `init`. */
export function fetchWithSignal(base: typeof fetch | undefined, signal: AbortSignal | undefined): typeof fetch {
  const inner = base ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  if (!signal) return inner;
  return (input, init) => inner(input, { ...init, signal });
}
