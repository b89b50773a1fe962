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

/** Every precached answer (the page, its scripts and workers) goes out cross-origin isolated. */
export const isolationPlugin: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => isolate(response),
};
