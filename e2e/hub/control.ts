import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, FaultTable } from './faults.ts';
import type { LoggedRequest } from './request-log.ts';
import type { RepoHistory } from './repo-history.ts';

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text === '' ? null : JSON.parse(text);
}

function sendJson(res: ServerResponse, value: unknown): void {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(value));
}

/**
 * The test-only endpoints under `/__control/`: add or clear faults, read or clear the request log.
 * Returns false when the path is not a control path.
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: { faults: FaultTable; log: LoggedRequest[]; now: () => number; history: RepoHistory },
): Promise<boolean> {
  if (!path.startsWith('/__control/')) return false;
  res.setHeader('Access-Control-Allow-Origin', '*');
  const route = `${req.method} ${path}`;
  if (route === 'POST /__control/faults') {
    const body = (await readJson(req)) as Fault | Fault[];
    for (const fault of Array.isArray(body) ? body : [body]) state.faults.add(fault, state.now());
    sendJson(res, { ok: true });
  } else if (route === 'DELETE /__control/faults') {
    state.faults.reset();
    sendJson(res, { ok: true });
  } else if (route === 'POST /__control/publish') {
    const { repo, path, text } = (await readJson(req)) as { repo: string; path: string; text: string };
    sendJson(res, { sha: state.history.publish(repo, path, text) });
  } else if (route === 'GET /__control/stalls') {
    sendJson(res, state.faults.stallStarts);
  } else if (route === 'GET /__control/log') {
    sendJson(res, state.log);
  } else if (route === 'DELETE /__control/log' || route === 'POST /__control/reset') {
    state.log.length = 0;
    if (route === 'POST /__control/reset') {
      state.faults.reset();
      state.history.reset();
    }
    sendJson(res, { ok: true });
  } else {
    res.statusCode = 404;
    sendJson(res, { error: `unknown control route ${route}` });
  }
  return true;
}
