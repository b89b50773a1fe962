import type { WorkboxPlugin } from 'workbox-core';
import { missingIsolationHeaders } from '../../core/http/isolation-headers.ts';

/** A response as it was, plus the cross-origin isolation headers it lacks (opaque ones cannot be changed). */
export function isolate(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const add = missingIsolationHeaders((name) => response.headers.has(name));
  if (Object.keys(add).length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(add)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A worker script's answer with the page's CSP when it has none, so `connect-src` binds workers on header-less hosts too. */
export function withPolicy(response: Response, policy: string | null): Response {
  if (policy === null || response.type === 'opaque' || response.status === 0 || response.headers.has('Content-Security-Policy')) return response;
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', policy);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Every precached answer (the page, its scripts and workers) goes out cross-origin isolated; worker scripts under the page's CSP. */
export const isolationPlugin = (policy: () => Promise<string | null>): WorkboxPlugin => ({
  handlerWillRespond: async ({ request, response }) => {
    const isolated = isolate(response);
    return request.destination === 'worker' || request.destination === 'sharedworker' ? withPolicy(isolated, await policy()) : isolated;
  },
});
