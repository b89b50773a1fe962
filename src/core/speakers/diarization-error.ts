import type { SpeakerTurn } from './speaker-turns.ts';

/** The grid diarization error is counted on (10 ms, as the usual scoring tools do, without a collar). */
const STEP = 0.01;

/** Every way to give hypothesis labels to reference labels (a few speakers only: n! of them). */
function mappings(from: readonly string[], to: readonly string[]): Map<string, string>[] {
  if (from.length === 0) return [new Map()];
  const [first, ...rest] = from;
  const options = [...to.map((t) => [t, to.filter((x) => x !== t)] as const), [null, to] as const];
  return options.flatMap(([t, left]) => mappings(rest, left).map((m) => (t === null ? m : new Map([...m, [first, t]]))));
}

const labelAt = (turns: readonly SpeakerTurn[], t: number): string | null => turns.find((x) => t >= x.start && t < x.end)?.speaker ?? null;

/**
 * Diarization error rate: the share of the reference's speech that the hypothesis misses, adds, or
 * gives to the wrong speaker, under the best one-to-one naming of its speakers.
 */
export function diarizationError(reference: readonly SpeakerTurn[], hypothesis: readonly SpeakerTurn[]): { der: number; mapping: Map<string, string> } {
  const end = Math.max(...reference.map((t) => t.end), ...hypothesis.map((t) => t.end), 0);
  const pairs: [string | null, string | null][] = [];
  for (let t = STEP / 2; t < end; t += STEP) pairs.push([labelAt(reference, t), labelAt(hypothesis, t)]);
  const speech = pairs.filter(([r]) => r !== null).length || 1;
  const names = (i: 0 | 1): string[] => [...new Set(pairs.map((p) => p[i]).filter((x): x is string => x !== null))];
  let best = { der: Infinity, mapping: new Map<string, string>() };
  for (const mapping of mappings(names(1), names(0))) {
    const errors = pairs.filter(([r, h]) => (r === null) !== (h === null) || (r !== null && h !== null && mapping.get(h) !== r)).length;
    if (errors / speech < best.der) best = { der: errors / speech, mapping };
  }
  return best;
}

/** The share of words (by their middle) whose speaker, named through `mapping`, is the reference's there. */
export function wordSpeakerAccuracy(reference: readonly SpeakerTurn[], words: readonly { start: number; end: number; speaker?: string }[], mapping: ReadonlyMap<string, string>): number {
  const scored = words.filter((w) => labelAt(reference, (w.start + w.end) / 2) !== null);
  const right = scored.filter((w) => w.speaker !== undefined && mapping.get(w.speaker) === labelAt(reference, (w.start + w.end) / 2));
  return scored.length === 0 ? 1 : right.length / scored.length;
}
