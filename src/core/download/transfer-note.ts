import { startWatch, stillFor } from '../job/progress-watch.ts';
import type { RetryNotice } from './progress.ts';

/** Silence after which a running download says so, rather than looking busy. */
export const QUIET_AFTER_MS = 3000;

function retryText(retry: RetryNotice, sinceMs: number): string {
  const left = Math.ceil(Math.max(0, retry.delayMs - sinceMs) / 1000);
  if (retry.reason === 'renew-url') return 'The download link expired: asking the hub for a new one…';
  if (retry.reason === 'restart-file') return 'The server’s answer could not be checked: starting this file over…';
  if (retry.reason === 'too-slow') return 'Too slow — reconnecting…';
  if (left === 0) return 'Retrying…';
  switch (retry.reason) {
    case 'stalled': return `Stalled — retrying in ${left} s`;
    case 'server-asked': return `Waiting ${left} s as the hub asked`;
    case 'rate-limited': return `Rate-limited by the hub — retrying in ${left} s`;
    case 'server': return `The server failed — retrying in ${left} s`;
    case 'network': return `Connection lost — retrying in ${left} s`;
    default: return retry.reason satisfies never;
  }
}

/**
 * What a download row says besides its numbers, `sinceMs` after the worker's last message:
 * why it waits and for how long, or that no data has come for a while. Null while bytes flow.
 */
export function transferNote(retry: RetryNotice | null, sinceMs: number): string | null {
  if (retry) return retryText(retry, sinceMs);
  const still = stillFor(startWatch(0), Math.max(0, sinceMs), QUIET_AFTER_MS / 1000);
  return still === null ? null : `No data for ${Math.floor(still)} s…`;
}
