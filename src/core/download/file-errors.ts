import { StudioError } from '../errors.ts';
import { formatBytes } from '../format/format-bytes.ts';
import { formatDuration } from '../format/format-duration.ts';
import { hubError } from '../hub/hub-error.ts';
import { AttemptError } from './attempt-error.ts';
import type { AttemptFailure, RetryDecision } from './retry-policy.ts';

/** The server asked for a wait longer than the app will sit through: stop, and say how long. */
function waitTooLongError(status: number, askedMs: number, repo: string, url: string): StudioError {
  const who = status === 429 ? 'The hub is rate-limiting downloads and asked' : `The server answered ${status} and asked`;
  return new StudioError({
    code: 'rate-limited',
    message: `${who} to wait ${formatDuration(askedMs / 1000)} before more of ${repo} can be downloaded, so the download stopped. The bytes downloaded so far are kept: press Resume after that.`,
    status,
    repo,
    url,
    retryAfterMs: askedMs,
  });
}

function sizeMismatchError(failure: Extract<AttemptFailure, { kind: 'size-mismatch' }>, repo: string, path: string, url: string): StudioError {
  const sizes =
    failure.served === null
      ? `is ${failure.larger ? 'larger' : 'smaller'} on the server than the hub's file list says (${failure.listed} bytes)`
      : `is ${failure.served} bytes on the server, but the hub's file list says ${failure.listed}`;
  return new StudioError({
    code: 'server',
    message: `${path} of ${repo} ${sizes}, so it could never verify and the download stopped. The bytes downloaded so far are kept; the repo may be mid-update, so try again later.`,
    repo,
    url,
  });
}

/** The error a person sees when a file's attempts ran out or could not be retried. */
export function giveUpError(error: unknown, decision: RetryDecision, repo: string, path: string, url: string): StudioError {
  if (error instanceof AttemptError && error.failure.kind === 'size-mismatch') return sizeMismatchError(error.failure, repo, path, url);
  if (decision.kind === 'wait-too-long' && error instanceof AttemptError && error.failure.kind === 'status') {
    return waitTooLongError(error.failure.status, decision.askedMs, repo, url);
  }
  if (error instanceof AttemptError && error.failure.kind === 'status' && error.failure.fromCdn) {
    return new StudioError({
      code: 'server',
      message: `The file server kept refusing ${path} of ${repo} (HTTP ${error.failure.status}). The bytes already downloaded are kept: try Resume later.`,
      status: error.failure.status,
      repo,
      url,
    });
  }
  if (error instanceof AttemptError && error.failure.kind === 'status') {
    return hubError({ status: error.failure.status, errorCode: error.errorCode, url, repo, retryAfterMs: error.failure.retryAfterMs });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new StudioError({
    code: 'network',
    message: `The connection kept failing while downloading ${path} of ${repo} (${reason}). The bytes already downloaded are kept: press Resume when the network is back.`,
    repo,
    url,
  });
}

export function quotaError(repo: string, missingBytes: number): StudioError {
  return new StudioError({
    code: 'quota',
    message: `This device ran out of storage for ${repo}: about ${formatBytes(missingBytes)} more are needed. Free some space (for example delete a model you no longer use), then press Resume; what is downloaded so far is kept.`,
    repo,
  });
}

export function integrityError(repo: string, path: string, kind: string): StudioError {
  return new StudioError({
    code: 'integrity',
    message: `${path} of ${repo} did not match the hub's ${kind} checksum, so it was discarded and the model was not installed. Download it again; if this repeats, the network or a proxy is changing the data.`,
    repo,
  });
}
