import { answerModelRequest, parseModelPath } from '../../core/sw/model-route.ts';
import { idbRecords } from '../shared/idb-records.ts';
import { isNotFound, modelFile } from '../shared/opfs-models.ts';

/**
 * transformers.js's custom cache, read straight from our OPFS store: it asks for
 * `/models/{repo}/{file}` (env.localModelPath) and gets the verified file of the installed
 * model, so loading never needs the network nor even the service worker.
 */
export const opfsModelCache = {
  async match(key: string): Promise<Response | undefined> {
    const route = parseModelPath(new URL(key, self.location.origin).pathname);
    if (!route) return undefined;
    const answer = answerModelRequest(await idbRecords.getManifest(route.repo), route.repo, route.path, null);
    if (answer.kind !== 'file') return undefined;
    try {
      const file = await (await modelFile({ repo: route.repo, commit: answer.commit, path: route.path }, false)).getFile();
      return file.size === answer.size ? new Response(file, { headers: answer.headers }) : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  },
  /** Nothing is ever stored through transformers.js: only the download worker writes models. */
  async put(): Promise<void> {},
};
