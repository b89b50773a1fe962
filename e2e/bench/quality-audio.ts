import { fileURLToPath } from 'node:url';
import { SENTENCES } from '../fixtures/speech/sentences.ts';
import { HINT_FIXTURES } from '../fixtures/hints/hint-fixtures.ts';
import { JFK_TEXT } from '../hub/fixture-audio.ts';
import { compose, readWav, type Part } from '../test-audio.ts';

const SPEECH_DIR = fileURLToPath(new URL('../fixtures/speech/', import.meta.url));
const HINTS_DIR = fileURLToPath(new URL('../fixtures/hints/', import.meta.url));

export interface QualityClip {
  readonly samples: Float32Array;
  readonly text: string;
  /** Stretches without speech (silence, noise, music-like tones), in seconds. */
  readonly nonSpeech: readonly { start: number; end: number }[];
  readonly seconds: number;
  readonly speechSeconds: number;
}

/**
 * Long test audio that is about one third non-speech: real speech (jfk.wav) and six synthetic
 * sentences, twice, with silence, noise and music-like tones between them, opening with 10 s
 * of noise (Whisper's favourite place for "Thank you.").
 */
export function qualityClip(jfkPath: string): QualityClip {
  const clips = [{ samples: readWav(jfkPath), text: JFK_TEXT }, ...SENTENCES.map((text, i) => ({ samples: readWav(`${SPEECH_DIR}0${i + 1}.wav`), text }))];
  const gaps: Part[] = [{ silence: 3 }, { noise: 3, level: 0.02 }, { tones: 3 }, { silence: 5 }, { noise: 2, level: 0.04 }, { tones: 2 }, { silence: 2 }];
  const parts: Part[] = [{ noise: 10, level: 0.03 }];
  const texts: string[] = [];
  for (let round = 0; round < 2; round++) {
    clips.forEach((clip, i) => {
      parts.push({ speech: clip.samples }, gaps[(i + round) % gaps.length]);
      texts.push(clip.text);
    });
  }
  const composed = compose(parts);
  const seconds = composed.samples.length / 16_000;
  const speechSeconds = composed.speech.reduce((sum, s) => sum + s.end - s.start, 0);
  const edges = [0, ...composed.speech.flatMap((s) => [s.start, s.end]), seconds];
  const nonSpeech = Array.from({ length: edges.length / 2 }, (_, i) => ({ start: edges[2 * i], end: edges[2 * i + 1] })).filter((g) => g.end > g.start);
  return { samples: composed.samples, text: texts.join(' '), nonSpeech, seconds, speechSeconds };
}

/**
 * Dense speech, as podcasts, lectures and audiobooks are: jfk.wav and the six espeak sentences
 * back to back with a breath (0.25 s) between them, `rounds` times, no long pauses. Voice
 * detection has nothing to skip here: the decoder pays for every second.
 */
export function denseClip(jfkPath: string, rounds = 4): QualityClip {
  const clips = [{ samples: readWav(jfkPath), text: JFK_TEXT }, ...SENTENCES.map((text, i) => ({ samples: readWav(`${SPEECH_DIR}0${i + 1}.wav`), text }))];
  const parts: Part[] = [];
  const texts: string[] = [];
  for (let round = 0; round < rounds; round++) {
    // Each round in another order, so windows never line up the same way twice.
    for (const clip of clips.map((_, i) => clips[(i * (round + 1)) % clips.length])) {
      parts.push({ speech: clip.samples }, { silence: 0.25 });
      texts.push(clip.text);
    }
  }
  const composed = compose(parts);
  const seconds = composed.samples.length / 16_000;
  const speechSeconds = composed.speech.reduce((sum, s) => sum + s.end - s.start, 0);
  return { samples: composed.samples, text: texts.join(' '), nonSpeech: [], seconds, speechSeconds };
}

/** A talk to caption live: jfk.wav and the flite sentence in turns, with pauses short (inside a sentence) and long. */
export function liveTalk(jfkPath: string, minutes: number): { samples: Float32Array; text: string } {
  const clips = [{ samples: readWav(jfkPath), text: JFK_TEXT }, { samples: readWav(`${HINTS_DIR}${HINT_FIXTURES.guest.file}`), text: HINT_FIXTURES.guest.text }];
  const pauses = [2, 0.8, 4, 1.5, 6, 3];
  const [parts, texts] = [[{ silence: 2 }] as Part[], [] as string[]];
  for (let i = 0, seconds = 2; seconds < minutes * 60; i++) {
    const clip = clips[i % 2];
    parts.push({ speech: clip.samples }, { silence: pauses[i % pauses.length] });
    texts.push(clip.text);
    seconds += clip.samples.length / 16_000 + pauses[i % pauses.length];
  }
  return { samples: compose(parts).samples, text: texts.join(' ') };
}
