import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAccess, type TokenBook } from './access.ts';
import type { FaultTable, InjectedStatus } from './faults.ts';
import { sendHubError } from './hub-errors.ts';
import type { Presigner } from './presign.ts';
import type { HubFile, HubRepo } from './repo-types.ts';
import { serveBytes } from './serve-bytes.ts';

export interface ResolveContext {
  readonly faults: FaultTable;
  readonly tokens: TokenBook;
  readonly presigner: Presigner;
  readonly cdnUrl: string;
  readonly now: () => number;
  /** Lets the CDN find the file a presigned URL names. */
  readonly publish: (key: string, file: HubFile) => void;
}

/** Retry-After as the fault asks: seconds, or an HTTP-date computed when answering, as a server does. */
function retryAfterHeader(injected: InjectedStatus, now: number): string | null {
  if (injected.retryAfterDateIn !== undefined) return new Date(now + injected.retryAfterDateIn * 1000).toUTCString();
  if (injected.retryAfter !== undefined) return String(injected.retryAfter);
  return injected.status === 429 ? '1' : null;
}

function sendInjectedStatus(res: ServerResponse, injected: InjectedStatus, now: number): void {
  const { status } = injected;
  const retryAfter = retryAfterHeader(injected, now);
  if (retryAfter !== null) res.setHeader('Retry-After', retryAfter);
  if (status === 429) {
    const wait = injected.retryAfter ?? injected.retryAfterDateIn ?? 1;
    res.setHeader('RateLimit', `"resolvers";r=0;t=${wait}`);
    res.setHeader('RateLimit-Policy', '"fixed window";"resolvers";q=3000;w=300');
    return sendHubError(res, 429, 'RateLimited', 'You have exceeded our rate limit for resolvers. Retry later.');
  }
  sendHubError(res, status, null, 'Internal Error - We\'re working hard to fix this as soon as possible!');
}

/** `GET|HEAD /{repo}/resolve/{rev}/{path}`: small files directly, LFS files by 302 to the CDN. */
export async function resolveFile(req: IncomingMessage, res: ServerResponse, repo: HubRepo, file: HubFile, ctx: ResolveContext): Promise<void> {
  const injected = ctx.faults.takeStatus(file.path);
  if (injected) return sendInjectedStatus(res, injected, ctx.now());
  const access = checkAccess(req, repo, ctx.tokens);
  if (!access.ok) return sendHubError(res, access.status, access.code, access.message);
  res.setHeader('X-Repo-Commit', repo.sha);
  if (!file.lfs) return serveBytes(req, res, file, `"${await file.gitOid()}"`, ctx.faults);
  const sha256 = await file.sha256();
  const key = `/lfs/${repo.sha.slice(0, 8)}/${sha256}`;
  ctx.publish(key, file);
  res.statusCode = 302;
  res.setHeader('Location', ctx.presigner.sign(ctx.cdnUrl, key, ctx.now()));
  res.setHeader('X-Linked-Size', String(file.size));
  res.setHeader('X-Linked-Etag', `"${sha256}"`);
  res.setHeader('ETag', `"${sha256}"`);
  res.end();
}
