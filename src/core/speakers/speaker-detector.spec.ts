import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpeakerDetector } from './speaker-detector.ts';
import { diarizationError } from './diarization-error.ts';
import type { SpeakerTurn } from './speaker-turns.ts';

/** A committed fixture's samples (16 kHz mono 16-bit WAV) and the turns its script says. */
function fixture(name: string): { samples: Float32Array; truth: SpeakerTurn[] } {
  const wav = readFileSync(new URL(`../../../e2e/fixtures/speakers/${name}.wav`, import.meta.url));
  const data = wav.indexOf('data') + 8;
  const pcm = new Int16Array(wav.buffer.slice(wav.byteOffset + data, wav.byteOffset + wav.length - ((wav.length - data) % 2)));
  const truth = (JSON.parse(readFileSync(new URL(`../../../e2e/fixtures/speakers/${name}.json`, import.meta.url), 'utf8')) as { turns: SpeakerTurn[] }).turns;
  return { samples: Float32Array.from(pcm, (s) => s / 32768), truth };
}

/** The fixture fed as the transcription feeds it: one piece of speech per turn-ish stretch, here the script's own turns padded. */
function detect(name: string, count: 'auto' | number): { der: number; speakers: number } {
  const { samples, truth } = fixture(name);
  const detector = new SpeakerDetector();
  for (const t of truth) detector.add(samples.subarray(Math.floor(t.start * 16000), Math.ceil(t.end * 16000)), t.start);
  const turns = detector.turns(count);
  return { der: diarizationError(truth, turns).der, speakers: new Set(turns.map((t) => t.speaker)).size };
}

describe('built-in speaker detection', () => {
  it('tells two voices apart when told there are two, and when left to count', () => {
    expect(detect('two-voices', 2).der).toBeLessThan(0.1);
    expect(detect('two-voices', 'auto')).toMatchObject({ speakers: 2 });
  });

  it('tells three voices apart', () => {
    expect(detect('three-voices', 3).der).toBeLessThan(0.15);
    expect(detect('three-voices', 'auto').speakers).toBe(3);
  });

  it('finds one speaker in one voice', () => {
    const { samples, truth } = fixture('two-voices');
    const jfk = truth.filter((t) => t.speaker === 'jfk');
    const detector = new SpeakerDetector();
    for (const t of jfk) detector.add(samples.subarray(Math.floor(t.start * 16000), Math.ceil(t.end * 16000)), t.start);
    expect(new Set(detector.turns('auto').map((t) => t.speaker)).size).toBe(1);
  });
});
