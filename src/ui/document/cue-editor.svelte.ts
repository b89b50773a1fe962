import type { Cues } from '../../core/subtitles/cue-edits.ts';
import { history, record, redo, undo, type History } from '../../core/subtitles/edit-history.ts';

/**
 * The cues being edited, with undo and redo. Cues that arrive from a transcription are not
 * edits (they are not undone one window at a time); everything a person does is.
 */
export class CueEditor {
  #history = $state.raw<History<Cues>>(history(Object.freeze([])));
  readonly #onchange: (cues: Cues) => void;
  cues = $derived(this.#history.present);
  canUndo = $derived(this.#history.past.length > 0);
  canRedo = $derived(this.#history.future.length > 0);

  constructor(initial: Cues, onchange: (cues: Cues) => void) {
    this.#history = history(Object.freeze([...initial]));
    this.#onchange = onchange;
  }

  /** A history as it was saved (a project reopened). */
  load(saved: History<Cues>): void {
    this.#set(saved);
  }

  /** New cues without history: a new transcription, or more cues from the running one. */
  reset(cues: Cues): void {
    this.#set(history(Object.freeze([...cues])));
  }

  /** An edit: `change` makes the new cues from the current ones. */
  apply(change: (cues: Cues) => Cues): void {
    this.#set(record(this.#history, change(this.#history.present)));
  }

  undo(): void {
    this.#set(undo(this.#history));
  }

  redo(): void {
    this.#set(redo(this.#history));
  }

  #set(next: History<Cues>): void {
    if (next === this.#history) return;
    this.#history = next;
    this.#onchange(next.present);
  }
}
