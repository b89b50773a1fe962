/** Undo and redo over immutable values: each edit makes a new history, nothing is mutated. */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** How many edits can be undone. */
const LIMIT = 200;

export const history = <T>(present: T): History<T> => Object.freeze({ past: Object.freeze([]), present, future: Object.freeze([]) });

export function record<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h;
  return Object.freeze({ past: Object.freeze([...h.past, h.present].slice(-LIMIT)), present: next, future: Object.freeze([]) });
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past.at(-1);
  if (previous === undefined) return h;
  return Object.freeze({ past: Object.freeze(h.past.slice(0, -1)), present: previous, future: Object.freeze([h.present, ...h.future]) });
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return Object.freeze({ past: Object.freeze([...h.past, h.present]), present: next, future: Object.freeze(rest) });
}
