import type { Fault, StallStart } from './hub/faults.ts';
import type { LoggedRequest } from './hub/request-log.ts';
import { HUB_URL } from './ports.ts';

/** What a test does to the hub double started by the Playwright config. */
export const hubControl = {
  async reset(): Promise<void> {
    await fetch(`${HUB_URL}/__control/reset`, { method: 'POST' });
  },
  async inject(...faults: Fault[]): Promise<void> {
    await fetch(`${HUB_URL}/__control/faults`, { method: 'POST', body: JSON.stringify(faults) });
  },
  /** Publish a new commit on `main` where one small file has new content; returns its sha. */
  async publish(repo: string, path: string, text: string): Promise<string> {
    return ((await (await fetch(`${HUB_URL}/__control/publish`, { method: 'POST', body: JSON.stringify({ repo, path, text }) })).json()) as { sha: string }).sha;
  },
  /** When each injected stall began sending nothing. */
  async stalls(): Promise<StallStart[]> {
    return (await fetch(`${HUB_URL}/__control/stalls`)).json() as Promise<StallStart[]>;
  },
  async log(): Promise<LoggedRequest[]> {
    return (await fetch(`${HUB_URL}/__control/log`)).json() as Promise<LoggedRequest[]>;
  },
};
