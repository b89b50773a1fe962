import { answerModelRequest } from '../../core/store/model-route.ts';
import type { InstalledManifest } from '../../core/store/records.ts';
import { idbRecords } from './idb-records.ts';
import { isNotFound, modelFile } from './opfs-models.ts';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cross-Origin-Resource-Policy': 'same-origin' } });

/**
 * A file of an installed model, read from OPFS, never from the network: the one reader behind
 * both the service worker (`/models/…` URLs, Range included) and the transcriber's model cache.
 * Only files of an installed (verified) model are answered, and only when the bytes on disk
 * have the verified size; anything else is a 404 (JSON that says why) or a 416. `pinned`: the
 * manifest to answer from, so a reader that started on one commit never gets another's file.
 */
export async function installedFileResponse(repo: string, path: string, request: { range: string | null; head?: boolean }, pinned?: InstalledManifest | null): Promise<Response> {
  const answer = answerModelRequest(pinned === undefined ? await idbRecords.getManifest(repo) : pinned, repo, path, request.range);
  if (answer.kind === 'missing') return json(404, answer.body);
  if (answer.kind === 'unsatisfiable') return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${answer.size}` } });
  let file: File;
  try {
    file = await (await modelFile({ repo, commit: answer.commit, path }, false)).getFile();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return json(404, { error: 'file-missing-on-disk', repo, path, message: `${repo} is installed but ${path} is missing on disk. Delete and download the model again.` });
  }
  if (file.size !== answer.size) {
    return json(404, { error: 'file-incomplete', repo, path, message: `${path} of ${repo} is incomplete on disk. Delete and download the model again.` });
  }
  const body = request.head ? null : file.slice(answer.start, answer.end + 1);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
