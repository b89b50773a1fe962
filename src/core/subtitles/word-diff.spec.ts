import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff.ts';

describe('wordDiff', () => {
  it('marks the words only one text has, ignoring case and punctuation around them', () => {
    expect(wordDiff('ask not what you are country can do', 'Ask not what your country can do,')).toEqual([
      { kind: 'same', text: 'Ask not what' },
      { kind: 'added', text: 'your' },
      { kind: 'removed', text: 'you are' },
      { kind: 'same', text: 'country can do,' },
    ]);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
    expect(wordDiff('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});
