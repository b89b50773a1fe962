import { parseModelPath } from '../../core/store/model-route.ts';
import type { InstalledManifest } from '../../core/store/records.ts';
import { installedFileResponse } from '../shared/installed-file-response.ts';

/**
 * transformers.js's custom cache, read straight from our OPFS store: it asks for
 * `/models/{repo}/{file}` (env.localModelPath) and gets the verified file of the installed
 * model, so loading never needs the network nor even the service worker. Pinned to the manifest
 * a load started with: an update that switches commits meanwhile never mixes two commits' files.
 */
export function pinnedModelCache(repo: string, manifest: InstalledManifest | null) {
  return {
    async match(key: string): Promise<Response | undefined> {
      const route = parseModelPath(new URL(key, self.location.origin).pathname);
      if (!route) return undefined;
      const response = await installedFileResponse(route.repo, route.path, { range: null }, route.repo === repo ? manifest : undefined);
      return response.ok ? response : undefined;
    },
    /** Nothing is ever stored through transformers.js: only the download worker writes models. */
    async put(): Promise<void> {},
  };
}
