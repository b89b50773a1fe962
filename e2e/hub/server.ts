import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenBook } from './access.ts';
import { handleControl } from './control.ts';
import { answerPreflight, applyCors } from './cors.ts';
import { FaultTable } from './faults.ts';
import { sendTree, sendModelInfo } from './hub-api.ts';
import { entryNotFound, repoNotFound, revisionNotFound } from './hub-errors.ts';
import { Presigner } from './presign.ts';
import { RepoHistory } from './repo-history.ts';
import { openResponses, type LoggedRequest } from './request-log.ts';
import type { HubFile, HubRepo } from './repo-types.ts';
import { resolveFile, type ResolveContext } from './resolve.ts';
import { serveBytes } from './serve-bytes.ts';
import { stallUntilClosed } from './send-body.ts';

export interface HubDoubleOptions {
  readonly repos: readonly HubRepo[];
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly cdnPort?: number;
  readonly tokens?: TokenBook;
  /** Entries per tree page; small so that `Link` paging is always exercised. */
  readonly pageSize?: number;
  readonly urlTtlSeconds?: number;
}

export interface HubDouble {
  readonly hubUrl: string;
  readonly cdnUrl: string;
  readonly log: LoggedRequest[];
  readonly faults: FaultTable;
  readonly history: RepoHistory;
  close(): Promise<void>;
}

export const DEFAULT_TOKENS: TokenBook = { withAccess: ['hf_double_has_access'], withoutAccess: ['hf_double_no_access'] };

const API = /^\/api\/models\/([^/]+\/[^/]+)(?:\/(revision|tree)\/([^/]+)(?:\/(.*))?)?$/;
const RESOLVE = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/;

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}


/** Start the hub double: a hub origin and a second "CDN" origin that LFS downloads redirect to. */
export async function startHubDouble(options: HubDoubleOptions): Promise<HubDouble> {
  const host = options.host ?? '127.0.0.1';
  const faults = new FaultTable();
  const log: LoggedRequest[] = [];
  const published = new Map<string, HubFile>();
  const presigner = new Presigner(`double-${Date.now()}`, options.urlTtlSeconds ?? 3600);
  const hub = createServer();
  const cdn = createServer();
  const hubPort = await listen(hub, host, options.port ?? 0);
  const cdnPort = await listen(cdn, host, options.cdnPort ?? 0);
  const hubUrl = `http://${host}:${hubPort}`;
  const cdnUrl = `http://${host}:${cdnPort}`;
  const ctx: ResolveContext = {
    faults,
    tokens: options.tokens ?? DEFAULT_TOKENS,
    presigner,
    cdnUrl,
    now: Date.now,
    publish: (key, file) => published.set(key, file),
  };
  const history = new RepoHistory(options.repos);
  const state = { faults, log, now: Date.now, responses: openResponses(), history };
  hub.on('request', (req, res) => void guard(res, handleHub(req, res, hubUrl, options, ctx, state)));
  const cdnResponses = openResponses();
  cdn.on('request', (req, res) => void guard(res, handleCdn(req, res, cdnUrl, { published, presigner, faults, log, responses: cdnResponses })));
  const close = async (): Promise<void> => {
    for (const server of [hub, cdn]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  };
  return { hubUrl, cdnUrl, log, faults, history, close };
}

async function guard(res: ServerResponse, work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end(String(error));
    } else res.destroy();
  }
}

async function handleHub(
  req: IncomingMessage,
  res: ServerResponse,
  hubUrl: string,
  options: HubDoubleOptions,
  ctx: ResolveContext,
  state: { faults: FaultTable; log: LoggedRequest[]; now: () => number; responses: ReturnType<typeof openResponses>; history: RepoHistory },
): Promise<void> {
  const url = new URL(req.url ?? '/', hubUrl);
  if (await handleControl(req, res, url.pathname, state)) return;
  state.log.push(state.responses.log('hub', req, res));
  if (answerPreflight(req, res)) return;
  applyCors(res, { hideRateLimits: state.faults.hideRateLimits });
  const api = url.pathname.match(API);
  if (api) return handleApi(res, url, api, options, state);
  const resolve = url.pathname.match(RESOLVE);
  if (!resolve) return entryNotFound(res, url.pathname);
  const [, id, revision, path] = resolve;
  const repo = state.history.find(id, revision);
  if (repo === 'no-repo') return repoNotFound(res);
  if (repo === 'no-revision') return revisionNotFound(res, revision);
  const file = repo.files.find((f) => f.path === decodeURIComponent(path));
  if (!file) return entryNotFound(res, path);
  return resolveFile(req, res, repo, file, ctx);
}

async function handleApi(res: ServerResponse, url: URL, match: RegExpMatchArray, options: HubDoubleOptions, { faults, history }: { faults: FaultTable; history: RepoHistory }): Promise<void> {
  const [, id, kind, revision = 'main', prefix = ''] = match;
  const repo = history.find(id, revision);
  if (repo === 'no-repo') return repoNotFound(res);
  if (repo === 'no-revision') return revisionNotFound(res, revision);
  if (faults.takeApiStall(kind === 'tree' ? 'tree' : 'revision')) return stallUntilClosed(res);
  if (kind === 'tree') return sendTree(res, repo, url, prefix.replace(/\/$/, ''), options.pageSize ?? 10, faults.linkOrigin);
  sendModelInfo(res, repo);
}

async function handleCdn(
  req: IncomingMessage,
  res: ServerResponse,
  cdnUrl: string,
  cdn: { published: Map<string, HubFile>; presigner: Presigner; faults: FaultTable; log: LoggedRequest[]; responses: ReturnType<typeof openResponses> },
): Promise<void> {
  cdn.log.push(cdn.responses.log('cdn', req, res));
  if (answerPreflight(req, res, cdn.faults.strictCdn)) return;
  applyCors(res, { strict: cdn.faults.strictCdn, hideRateLimits: cdn.faults.hideRateLimits });
  const url = new URL(req.url ?? '/', cdnUrl);
  const file = cdn.published.get(url.pathname);
  const checked = cdn.presigner.check(url, Date.now(), cdn.faults.expiredBefore);
  const verdict = checked === 'ok' && cdn.faults.takeExpireNext() ? 'expired' : checked;
  if (!file || verdict !== 'ok') {
    res.statusCode = 403;
    res.setHeader('Content-Type', 'application/xml');
    const message = verdict === 'expired' ? 'Request has expired' : 'Access Denied';
    return void res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`);
  }
  return serveBytes(req, res, file, `"${await file.sha256()}"`, cdn.faults);
}
