import { answerModelRequest } from '../../core/sw/model-route.ts';
import { idbRecords } from '../shared/idb-records.ts';
import { isNotFound, modelFile } from '../shared/opfs-models.ts';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cross-Origin-Resource-Policy': 'same-origin' } });

/**
 * Answer a model-file request from OPFS, never from the network. Only files of an installed
 * (verified) model are served, and only when the bytes on disk have the verified size.
 */
export async function serveModelFile(request: Request, repo: string, path: string): Promise<Response> {
  const answer = answerModelRequest(await idbRecords.getManifest(repo), repo, path, request.headers.get('Range'));
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
  const body = request.method === 'HEAD' ? null : file.slice(answer.start, answer.end + 1);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
