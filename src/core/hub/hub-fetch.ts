import { tokenScopedFetch } from './token-scope.ts';

/** huggingface_hub's default for API calls is 10 s; the hub's tree pages can be slow for big repos. */
export const DEFAULT_HUB_TIMEOUT_MS = 15_000;

/**
 * The fetch that hub API calls use: every request carries the caller's abort signal, whatever the
 * library passes in `init`, and gives up after `timeoutMs` (headers and body): a stalled
 * connection never rejects by itself. The token goes only to the hub's own origin, over https.
 */
export function hubFetch(hubUrl: string, base: typeof fetch | undefined, signal: AbortSignal | undefined, timeoutMs = DEFAULT_HUB_TIMEOUT_MS): typeof fetch {
  const inner = tokenScopedFetch(base ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)), new URL(hubUrl).origin);
  return (input, init) => {
    // Not AbortSignal.timeout: AbortSignal.any holds its sources weakly, so a timeout signal nothing
    // else references can be collected before it fires, and the stalled request then hangs for good
    // (seen in CI: a stalled tree call never gave up). The pending timer keeps this one alive.
    const timeout = new AbortController();
    setTimeout(() => timeout.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    return inner(input, { ...init, signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal });
  };
}

/** Whether an error is a request that `hubFetch` gave up on. */
export function isHubTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
}
