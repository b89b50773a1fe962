import { cue, type Cue, type Word } from './cue.ts';

/** Text the recogniser writes one way that the person wants another (a name it misspells). */
export interface ReplaceRule {
  readonly find: string;
  readonly replace: string;
}

/** One rule a line, `find => replace` (or `find → replace`); lines without an arrow are left out. */
export function parseRules(text: string): ReplaceRule[] {
  return text
    .split('\n')
    .map((line) => line.split(/\s*(?:=>|→)\s*/))
    .filter((parts) => parts.length === 2 && parts[0].trim() !== '')
    .map(([find, replace]) => Object.freeze({ find: find.trim(), replace: replace.trim() }));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words only, any case: "Jon" does not change "Jonathan". */
function applyTo(text: string, rules: readonly ReplaceRule[]): string {
  return rules.reduce((t, r) => t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(r.find)}(?![\\p{L}\\p{N}])`, 'giu'), r.replace), text);
}

const joined = (words: readonly Word[]): string => words.map((w) => w.text.trim()).join(' ').replace(/\s+/g, ' ');

/**
 * New cues with the rules applied to their text. Words follow where a rule changes single words;
 * where the words no longer spell the text (a rule across words), the cue lets go of them.
 */
export function applyRules(cues: readonly Cue[], rules: readonly ReplaceRule[]): Cue[] {
  if (rules.length === 0) return [...cues];
  return cues.map((c) => {
    const text = applyTo(c.text, rules);
    if (text === c.text) return c;
    const words = c.words?.map((w) => Object.freeze({ ...w, text: applyTo(w.text, rules) }));
    const spelled = words && joined(words) === text.replace(/\s+/g, ' ').trim();
    return cue(c.start, c.end, text, spelled ? words : undefined, c.speaker);
  });
}
