import type { ServerResponse } from 'node:http';

/** The hub's error answers: JSON `{error}` plus the `X-Error-Code` its clients branch on. */
export function sendHubError(res: ServerResponse, status: number, code: string | null, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (code) res.setHeader('X-Error-Code', code);
  res.setHeader('X-Error-Message', message);
  res.end(JSON.stringify({ error: message }));
}

export const repoNotFound = (res: ServerResponse): void =>
  sendHubError(
    res,
    401,
    'RepoNotFound',
    'Repository Not Found for url. Please make sure you specified the correct `repo_id` and `repo_type`. If you are trying to access a private or gated repo, make sure you are authenticated.',
  );

export const entryNotFound = (res: ServerResponse, path: string): void =>
  sendHubError(res, 404, 'EntryNotFound', `Entry not found: ${path}`);

export const revisionNotFound = (res: ServerResponse, revision: string): void =>
  sendHubError(res, 404, 'RevisionNotFound', `Invalid rev id: ${revision}`);
