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
    const timeout = AbortSignal.timeout(timeoutMs);
    return inner(input, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  };
}

/** Whether an error is a request that `hubFetch` gave up on. */
export function isHubTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
}
