import { parseModelPath } from '../../core/store/model-route.ts';
import type { InstalledManifest } from '../../core/store/records.ts';

/** Answers a file of an installed model from its manifest (`installedFileResponse` in the worker). */
export type AnswerFile = (repo: string, path: string, request: { range: null }, pinned: InstalledManifest | null | undefined) => Promise<Response>;

/**
 * transformers.js's custom cache, read straight from our OPFS store: it asks for
 * `/models/{repo}/{file}` (env.localModelPath) and gets the verified file of the installed
 * model, so loading never needs the network nor even the service worker. Each repo's files come
 * from the manifest its load was pinned to (`pin`): an update that switches commits meanwhile
 * never mixes two commits' files, and nothing resets a pin but the next load of that repo.
 */
export function modelCache(answer: AnswerFile) {
  const pins = new Map<string, InstalledManifest | null>();
  return {
    /** The next files of `repo` come from `manifest` (read once, when its load starts). */
    pin(repo: string, manifest: InstalledManifest | null): void {
      pins.set(repo, manifest);
    },
    async match(key: string): Promise<Response | undefined> {
      const route = parseModelPath(new URL(key, 'http://localhost').pathname);
      if (!route) return undefined;
      const response = await answer(route.repo, route.path, { range: null }, pins.has(route.repo) ? pins.get(route.repo) : undefined);
      return response.ok ? response : undefined;
    },
    /** Nothing is ever stored through transformers.js: only the download worker writes models. */
    async put(): Promise<void> {},
  };
}
