/**
 * Makes the two- and three-voice dialogue fixtures the speaker tests and bench measure on:
 * jfk.wav (one real voice) in two turns, espeak-ng's female voice and flite's male voice between
 * them, each turn's span written beside the audio as the truth. Needs sox, espeak-ng and flite;
 * `npm test` does not (the outputs are committed). Run: `npx tsx scripts/make-speaker-fixtures.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Voice = 'jfk' | 'espeak' | 'flite';
interface Line { readonly voice: Voice; readonly text: string; readonly gap: number }

const JFK = join(import.meta.dirname, '../../shared/fixtures/audio/jfk.wav');
const JFK_PARTS = { first: [0, 2.5], second: [3.1, 11] } as const;
const work = mkdtempSync(join(tmpdir(), 'speakers-'));
const out = join(import.meta.dirname, '../e2e/fixtures/speakers');
let clip = 0;

const sox = (...args: string[]): string => execFileSync('sox', args, { encoding: 'utf8' });
const seconds = (file: string): number => Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim());

/** One line said by its voice, as 16 kHz mono 16-bit at the same loudness as the others. */
function say(line: Line): string {
  const raw = join(work, `raw-${clip}.wav`);
  const file = join(work, `clip-${clip++}.wav`);
  if (line.voice === 'espeak') execFileSync('espeak-ng', ['-v', 'en-us+f3', '-s', '150', '-w', raw, line.text]);
  if (line.voice === 'flite') execFileSync('flite', ['-voice', 'kal', '-t', line.text, '-o', raw]);
  if (line.voice === 'jfk') {
    const [from, to] = line.text === 'first' ? JFK_PARTS.first : JFK_PARTS.second;
    sox(JFK, raw, 'trim', String(from), `=${to}`);
  }
  sox(raw, '-r', '16000', '-c', '1', '-b', '16', file, 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'gain', '-n', '-3');
  return file;
}

const JFK_TEXT = { first: 'And so my fellow Americans,', second: 'ask not what your country can do for you, ask what you can do for your country.' };

function make(name: string, lines: readonly Line[]): void {
  let at = 0.5;
  const files: string[] = [];
  const turns = lines.map((line) => {
    const file = say(line);
    const padded = join(work, `pad-${clip++}.wav`);
    sox(file, padded, 'pad', '0', String(line.gap));
    files.push(padded);
    const start = at;
    const end = start + seconds(file);
    at = end + line.gap;
    const text = line.voice === 'jfk' ? JFK_TEXT[line.text as 'first' | 'second'] : line.text;
    return { start: Number(start.toFixed(3)), end: Number(end.toFixed(3)), speaker: line.voice, text };
  });
  const lead = join(work, 'lead.wav');
  sox('-n', '-r', '16000', '-c', '1', '-b', '16', lead, 'trim', '0', '0.5');
  sox(lead, ...files, join(out, `${name}.wav`));
  writeFileSync(join(out, `${name}.json`), JSON.stringify({ source: 'scripts/make-speaker-fixtures.ts', turns }, null, 2) + '\n');
}

make('two-voices', [
  { voice: 'espeak', text: 'Good evening, and welcome back to the programme.', gap: 0.6 },
  { voice: 'jfk', text: 'first', gap: 0.5 },
  { voice: 'espeak', text: 'That is how the famous speech began. What came next?', gap: 0.7 },
  { voice: 'jfk', text: 'second', gap: 0.4 },
  { voice: 'espeak', text: 'Thank you. We will be right back after the news.', gap: 0.5 },
]);
make('three-voices', [
  { voice: 'espeak', text: 'Good evening. Tonight we have two guests in the studio.', gap: 0.6 },
  { voice: 'flite', text: 'Thanks for having me. I brought a recording with me.', gap: 0.5 },
  { voice: 'jfk', text: 'first', gap: 0.5 },
  { voice: 'espeak', text: 'Who is speaking there?', gap: 0.6 },
  { voice: 'flite', text: 'A president, in nineteen sixty one. Listen to the rest.', gap: 0.5 },
  { voice: 'jfk', text: 'second', gap: 0.6 },
  { voice: 'espeak', text: 'Powerful words. Thank you both for coming.', gap: 0.5 },
]);
