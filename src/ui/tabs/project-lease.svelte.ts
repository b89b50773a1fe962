import type { HeldLock, HoldLock } from './held-lock.ts';
import type { TabSignals } from './tab-signals.ts';

/** Whether this tab may write the open project, and why not. */
export type ProjectAccess =
  | { readonly mode: 'none' }
  | { readonly mode: 'edit'; readonly projectId: string }
  | { readonly mode: 'read-only'; readonly projectId: string; readonly reason: string };

const NONE: ProjectAccess = Object.freeze({ mode: 'none' });
export const projectLockName = (projectId: string): string => `whisper-studio-project:${projectId}`;
/** How long "Open here instead" waits for the editing tab to hand over before taking the lock from it (a frozen or sleeping tab never answers). */
const HAND_OVER_WAIT_MS = 5000;

export const OPEN_ELSEWHERE = 'This project is open for editing in another tab or window. Changes made there show here; to edit here, choose "Open here instead".';
export const MOVED_AWAY = 'This project is now being edited in another tab or window, so this one shows it read-only. Choose "Open here instead" to edit here again.';

export interface LeaseDeps {
  readonly hold: HoldLock;
  readonly signals: TabSignals;
  /** Before the lock goes to another tab: the writes asked for so far land first. */
  readonly flush: () => Promise<void>;
  readonly wait?: (ms: number) => Promise<void>;
}

/**
 * The right to write one project, held as a Web Lock per project: one tab edits it, any other shows
 * it read-only, and "Open here instead" moves the lock (the editing tab flushes its writes, then lets go).
 */
export class ProjectLease {
  access = $state.raw<ProjectAccess>(NONE);
  readonly #deps: LeaseDeps;
  #held: { readonly projectId: string; readonly lock: HeldLock } | null = null;

  constructor(deps: LeaseDeps) {
    this.#deps = deps;
    deps.signals.on('hand-over', ({ projectId }) => void this.#handOver(projectId));
  }

  /** Edit `projectId` here if no other tab does (`wait`: until it is free); otherwise it is read-only here. */
  async take(projectId: string, { wait }: { readonly wait: boolean }): Promise<boolean> {
    if (this.#held?.projectId === projectId) return this.#edit(projectId);
    this.#release(); // the access shown stays until the answer: a read-only tab following saves does not flicker
    const lock = await this.#deps.hold(projectLockName(projectId), { wait });
    if (!lock) return this.#readOnly(projectId, OPEN_ELSEWHERE);
    this.#keep(projectId, lock);
    return this.#edit(projectId);
  }

  /** Ask the editing tab to hand `projectId` over, and take it (from it, if it does not answer). */
  async takeOver(projectId: string): Promise<void> {
    this.#release();
    const wait = this.#deps.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    this.#deps.signals.post({ type: 'hand-over', projectId });
    const name = projectLockName(projectId);
    const asked = this.#deps.hold(name, { wait: true });
    const lock = await Promise.race([asked, wait(HAND_OVER_WAIT_MS).then(() => null)]);
    if (!lock) void asked.then((late) => late?.release()); // still queued behind the steal: let it go when it comes
    this.#keep(projectId, lock ?? (await this.#deps.hold(name, { wait: true, steal: true }))!);
    this.#edit(projectId);
  }

  /** This tab no longer shows the project (another opened, or it was deleted). */
  letGo(): void {
    this.#release();
    this.access = NONE;
  }

  #release(): void {
    this.#held?.lock.release();
    this.#held = null;
  }

  #keep(projectId: string, lock: HeldLock): void {
    const held = { projectId, lock };
    this.#held = held;
    void lock.lost.then(() => {
      if (this.#held !== held) return;
      this.#held = null;
      this.#readOnly(projectId, MOVED_AWAY);
    });
  }

  async #handOver(projectId: string): Promise<void> {
    const held = this.#held;
    if (held?.projectId !== projectId) return;
    this.#readOnly(projectId, MOVED_AWAY); // no new writes from here on
    await this.#deps.flush();
    if (this.#held === held) this.#held = null;
    held.lock.release();
  }

  #edit(projectId: string): true {
    this.access = Object.freeze({ mode: 'edit', projectId });
    return true;
  }

  #readOnly(projectId: string, reason: string): false {
    this.access = Object.freeze({ mode: 'read-only', projectId, reason });
    return false;
  }
}
