import { StudioError, type ErrorCode } from '../errors.ts';
import { formatDuration } from '../format/format-duration.ts';

export interface HubFailure {
  readonly status: number;
  /** The hub's `X-Error-Code` header (`GatedRepo`, `RepoNotFound`, `EntryNotFound`…). */
  readonly errorCode: string | null;
  readonly url: string;
  readonly repo: string;
  readonly requestId?: string;
  readonly retryAfterMs?: number;
  /** What was asked: a file's bytes (a download, which Resume goes on with), or the hub's API (a repo's revision or file list). */
  readonly asked?: 'file' | 'api';
}

function describe(f: HubFailure): { code: ErrorCode; message: string } {
  if (f.errorCode === 'GatedRepo' || (f.status === 403 && f.errorCode !== 'InvalidCredentials')) {
    return {
      code: 'gated',
      message: `${f.repo} is a gated model: accept its terms on the hub, then add an access token that has access to it (Settings → Hugging Face token).`,
    };
  }
  if (f.status === 401 && f.errorCode === 'InvalidCredentials') {
    return { code: 'unauthorized', message: `The hub rejected your access token while fetching ${f.repo}. Check the token in Settings, or remove it for public models.` };
  }
  if (f.status === 401) {
    return { code: 'not-found', message: `${f.repo} was not found on the hub, or it is private. Check the repo id; for a private model add a token that can read it.` };
  }
  if (f.status === 404) {
    return { code: 'not-found', message: `The hub has no such file or revision in ${f.repo} (${f.errorCode ?? '404'}).` };
  }
  if (f.status === 429) {
    const wait = f.retryAfterMs === undefined ? 'a few minutes' : formatDuration(f.retryAfterMs / 1000);
    if (f.asked === 'api') return { code: 'rate-limited', message: `The hub is rate-limiting requests (too many in a short time) while reading ${f.repo}'s files. Wait ${wait}, then try again.` };
    return { code: 'rate-limited', message: `The hub kept rate-limiting downloads of ${f.repo}. The bytes downloaded so far are kept: wait ${wait}, then press Resume.` };
  }
  return { code: 'server', message: `The hub answered ${f.status} for ${f.repo}. Try again in a moment.` };
}

/** A hub HTTP failure as a StudioError whose message says what a person can do about it. */
export function hubError(failure: HubFailure): StudioError {
  const { code, message } = describe(failure);
  return new StudioError({
    code,
    message,
    status: failure.status,
    url: failure.url,
    repo: failure.repo,
    requestId: failure.requestId,
    retryAfterMs: failure.retryAfterMs,
  });
}
