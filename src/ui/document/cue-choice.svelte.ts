/** The cues a person ticked in the list (to give them a speaker), and the speaker the list shows only. */
export class CueChoice {
  ticked = $state.raw<ReadonlySet<number>>(new Set());
  /** Only this speaker's cues show (null: all). */
  filter = $state<string | null>(null);

  tick(index: number, on: boolean): void {
    const next = new Set(this.ticked);
    if (on) next.add(index);
    else next.delete(index);
    this.ticked = next;
  }

  /** Ticks are by index: cues added or removed make them point elsewhere, so they go. */
  clear(): void {
    if (this.ticked.size > 0) this.ticked = new Set();
  }

  /** The ticked cues in order, else the current one (`active`, -1 for none). */
  chosen(active: number): number[] {
    return this.ticked.size > 0 ? [...this.ticked].sort((a, b) => a - b) : active >= 0 ? [active] : [];
  }
}
