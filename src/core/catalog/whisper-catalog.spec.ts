import { describe, expect, it } from 'vitest';
import { findModel, isRepoId, WHISPER_CATALOG } from './whisper-catalog.ts';

const FASTER_WHISPER_NAMES = [
  'tiny', 'tiny.en', 'base', 'base.en', 'small', 'small.en', 'medium', 'medium.en', 'large-v1', 'large-v2', 'large-v3',
  'large', 'distil-small.en', 'distil-medium.en', 'distil-large-v2', 'distil-large-v3', 'distil-large-v3.5', 'large-v3-turbo', 'turbo',
];

describe('the Whisper catalog', () => {
  it('offers every faster-whisper name, each with a repo', () => {
    expect(WHISPER_CATALOG.map((e) => e.name)).toEqual(FASTER_WHISPER_NAMES);
    for (const e of WHISPER_CATALOG) expect(isRepoId(e.repo)).toBe(true);
  });

  it('maps aliases to the same repo', () => {
    expect(findModel('large')?.repo).toBe(findModel('large-v3')?.repo);
    expect(findModel('turbo')?.repo).toBe(findModel('large-v3-turbo')?.repo);
  });

  it('accepts any typed repo id, English-only when it says .en', () => {
    expect(findModel('someone/whisper-x.en')?.multilingual).toBe(false);
    expect(findModel('someone/whisper-x')?.multilingual).toBe(true);
    expect(findModel('not a repo')).toBeNull();
    expect(findModel('../etc/passwd')).toBeNull();
  });
});
