/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { pagePolicy } from '../core/http/page-csp.ts';
import { parseModelPath } from '../core/store/model-route.ts';
import { installedFileResponse } from './shared/installed-file-response.ts';
import { isolate, isolationPlugin } from './sw/isolation-plugin.ts';
import { isAppNavigation } from './sw/app-navigation.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// The app shell, worker bundles and the ONNX Runtime wasm, versioned by Workbox; old versions are
// cleaned up on activate. Model files are never in Cache Storage: they stay in OPFS.
// A static host without COOP/COEP headers still serves a cross-origin isolated app once this worker runs.
// Workers take their CSP from their script's headers; a header-less host sends none, so they get the page's.
let policy: Promise<string | null> | null = null;
const readPolicy = (): Promise<string | null> => (policy ??= matchPrecache('index.html').then(async (page) => (page ? pagePolicy(await page.text()) : null)));
addPlugins([isolationPlugin(readPolicy)]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

for (const method of ['GET', 'HEAD'] as const) {
  registerRoute(
    ({ url, sameOrigin }) => sameOrigin && parseModelPath(url.pathname) !== null,
    ({ request, url }) => {
      const { repo, path } = parseModelPath(url.pathname)!;
      return installedFileResponse(repo, path, { range: request.headers.get('Range'), head: request.method === 'HEAD' }).then(isolate);
    },
    method,
  );
}
// The app's pages only: a file someone opens on this origin is the file, never the app in its place.
registerRoute(({ request, sameOrigin, url }) => request.mode === 'navigate' && sameOrigin && isAppNavigation(url.pathname), createHandlerBoundToURL('index.html'));

// The first install controls open pages at once; an update waits until the person agrees to reload.
clientsClaim();
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
