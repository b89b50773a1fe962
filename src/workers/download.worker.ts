/// <reference lib="webworker" />
import { inspectRepo } from '../core/plan/inspect-repo.ts';
import { DOWNLOAD_CHANNEL, repoLockName, type DownloadReply, type DownloadRequest, type TabMessage } from '../core/download/download-protocol.ts';
import { checkInstalled } from '../core/download/check-installed.ts';
import { frozen } from '../core/job/job-protocol.ts';
import { listStoredModels } from '../core/store/list-stored-models.ts';
import { sweepOrphans } from '../core/store/sweep-orphans.ts';
import { sleep } from '../core/util/sleep.ts';
import { DownloadJobs, type LockMode } from './download/download-jobs.ts';
import { createYielder } from './download/yield-to-events.ts';
import { hashWorkerHashers } from './download/hash-worker-client.ts';
import { idbRecords } from './shared/idb-records.ts';
import { opfsStore } from './download/opfs-store.ts';
import { postTo, serveJobs } from './shared/serve-jobs.ts';

declare const self: DedicatedWorkerGlobalScope;

const tabs = new BroadcastChannel(DOWNLOAD_CHANNEL);
const post = postTo<DownloadReply>(self);
/** A download's or delete's replies go to other tabs too: they show its row and learn when it ends. */
const postAbout = (reply: DownloadReply, repo: string): void => {
  post(reply);
  tabs.postMessage(frozen<TabMessage>({ type: 'relay', repo, reply }));
};

const withRepoLock = (repo: string, mode: LockMode, work: () => Promise<void>): Promise<boolean> =>
  navigator.locks.request(repoLockName(repo), { ifAvailable: mode === 'if-available' }, async (lock) => (lock ? (await work(), true) : false));

/** Once per worker: commit folders no record names go (bytes nobody can use); what it freed goes with the first list. */
let sweep: Promise<number> | null = null;
const sweepOnce = (): Promise<number> =>
  (sweep ??= sweepOrphans({ store: opfsStore, records: idbRecords, withRepoLock: (repo, work) => withRepoLock(repo, 'if-available', work) }).catch(() => 0));

const jobs = new DownloadJobs({
  net: { fetch: (input, init) => fetch(input, init), sleep, now: () => performance.now(), wallNow: () => Date.now(), random: Math.random, yieldToEvents: createYielder() },
  storage: {
    store: opfsStore,
    createHasher: hashWorkerHashers(
      () => new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' }),
      (lock, ondeath) => void navigator.locks.request(lock, () => ondeath()),
    ),
  },
  records: idbRecords,
  estimate: async () => {
    const { quota, usage } = await navigator.storage.estimate();
    return quota === undefined || usage === undefined ? null : { quota, usage };
  },
  withRepoLock,
  abortElsewhere: (repo) => tabs.postMessage(frozen<TabMessage>({ type: 'abort-repo', repo })),
  post: postAbout,
});

tabs.onmessage = (event: MessageEvent<TabMessage>) => {
  if (event.data.type === 'abort-repo') jobs.abortRepo(event.data.repo);
};

async function handle(request: DownloadRequest): Promise<void> {
  const { jobId } = request;
  switch (request.type) {
    case 'download':
      return jobs.start(request);
    case 'cancel':
      return jobs.abort(jobId);
    case 'inspect': {
      const found = await inspectRepo({ repo: request.repo, revision: request.revision, hubUrl: request.hubUrl, accessToken: request.accessToken });
      return post({ type: 'result', jobId, result: { type: 'inspected', repo: request.repo, ...found } });
    }
    case 'list': {
      const freed = await sweepOnce();
      return post({ type: 'result', jobId, result: { type: 'listed', models: await listStoredModels(idbRecords, opfsStore), freed } });
    }
    case 'delete':
      return jobs.remove(request.repo, jobId);
    case 'check-updates':
      return post({ type: 'result', jobId, result: { type: 'updates', ...(await checkInstalled(idbRecords, { hubUrl: request.hubUrl, accessToken: request.accessToken })) } });
    default:
      request satisfies never;
  }
}

serveJobs<DownloadRequest, DownloadReply>(self, { post, handle });
