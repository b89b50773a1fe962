/** What a key does in the studio (outside text fields). */
export type StudioCommand =
  | 'toggle-play'
  | 'undo'
  | 'redo'
  | 'previous-cue'
  | 'next-cue'
  | 'back'
  | 'forward'
  | 'back-small'
  | 'forward-small'
  | 'set-start'
  | 'set-end'
  | 'split'
  | 'merge'
  | 'next-unsure'
  | 'help';

/** The parts of a key event the studio reads. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Every shortcut as the help dialog lists it: keys, then what they do. */
export const SHORTCUTS: readonly (readonly [keys: string, does: string, command: StudioCommand])[] = Object.freeze([
  ['Space', 'Play or pause', 'toggle-play'],
  [', and .', 'Previous and next cue', 'previous-cue'],
  ['← and →', 'Playhead 1 s back and forward (with Shift: 0.1 s)', 'back'],
  ['[ and ]', 'Set the current cue’s start or end at the playhead', 'set-start'],
  ['S', 'Split the current cue at the playhead', 'split'],
  ['M', 'Merge the current cue with the next', 'merge'],
  ['U', 'Next unsure word', 'next-unsure'],
  ['Ctrl+Z, Ctrl+Shift+Z (or Ctrl+Y)', 'Undo, redo (⌘ on a Mac)', 'undo'],
  ['?', 'This list', 'help'],
]);

const PLAIN: Readonly<Record<string, StudioCommand>> = Object.freeze({
  ' ': 'toggle-play', ',': 'previous-cue', '.': 'next-cue', '[': 'set-start', ']': 'set-end',
  s: 'split', m: 'merge', u: 'next-unsure', '?': 'help', ArrowLeft: 'back', ArrowRight: 'forward',
});

/** The command for a key press, or null: modifier combinations other than undo/redo are the browser's. */
export function studioCommand(press: KeyPress): StudioCommand | null {
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (mod && !press.altKey) return key === 'z' ? (press.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : null;
  if (mod || press.altKey) return null;
  if (press.shiftKey && key === 'ArrowLeft') return 'back-small';
  if (press.shiftKey && key === 'ArrowRight') return 'forward-small';
  return PLAIN[key] ?? null;
}
