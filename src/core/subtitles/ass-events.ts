import { cue, type Cue } from './cue.ts';

/** The fields of a Dialogue line when a script has no Format line (ASS v4+; SSA names Layer "Marked"). */
const DEFAULT_FORMAT = ['layer', 'start', 'end', 'style', 'name', 'marginl', 'marginr', 'marginv', 'effect', 'text'];

/** An ASS dialogue line's cue, and the speaker its Name field gives (empty when none). */
export interface AssEvent {
  readonly cue: Cue;
  readonly name: string;
}

/** `H:MM:SS.cc` (centiseconds; some writers give milliseconds) in seconds, or null. */
function assSeconds(text: string): number | null {
  const match = text.trim().match(/^(\d+):(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/);
  if (!match) return null;
  const [, h, m, s, fraction = '0'] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(`0.${fraction}`);
}

/**
 * A dialogue's text as plain text: override blocks `{…}` dropped (each up to the next brace, so a
 * run of unclosed `{\` costs one pass, never one per brace), `\N` a line break, `\h` a space.
 */
export function assPlainText(text: string): string {
  return text.replace(/\{[^{}]*\}/g, '').replace(/\\[Nn]/g, '\n').replace(/\\h/g, ' ').trim();
}

/** Splits a Dialogue line's value into its fields: the last (Text) keeps every comma it has. */
function fields(value: string, count: number): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < count - 1; i++) {
    const comma = value.indexOf(',', at);
    if (comma < 0) return [];
    out.push(value.slice(at, comma));
    at = comma + 1;
  }
  return [...out, value.slice(at)];
}

/** The dialogue of an ASS/SSA script in one pass over its lines (comments and other sections skipped). */
export function assEvents(text: string): { readonly events: AssEvent[]; readonly skipped: number } {
  let [inEvents, format, skipped] = [false, DEFAULT_FORMAT, 0];
  const events: AssEvent[] = [];
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) inEvents = /^\[events\]$/i.test(line);
    if (!inEvents) continue;
    const colon = line.indexOf(':');
    const key = line.slice(0, colon).trim().toLowerCase();
    if (key === 'format') format = line.slice(colon + 1).split(',').map((f) => f.trim().toLowerCase());
    if (key !== 'dialogue') continue;
    const values = fields(line.slice(colon + 1).trimStart(), format.length);
    const field = (name: string): string => values[format.indexOf(name)] ?? '';
    const [start, end] = [assSeconds(field('start')), assSeconds(field('end'))];
    if (start === null || end === null) skipped++;
    else events.push(Object.freeze({ cue: cue(start, end, assPlainText(field('text'))), name: field('name').trim() }));
  }
  return { events, skipped };
}
