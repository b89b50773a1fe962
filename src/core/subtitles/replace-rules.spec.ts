import { describe, expect, it } from 'vitest';
import { cue, word } from './cue.ts';
import { applyRules, parseRules } from './replace-rules.ts';

describe('replace rules', () => {
  it('reads one rule a line, with either arrow', () => {
    expect(parseRules('Zorvath => Zorvax\n  kwan → Quan \nno arrow here\n => nothing')).toEqual([{ find: 'Zorvath', replace: 'Zorvax' }, { find: 'kwan', replace: 'Quan' }]);
  });

  it('replaces whole words in any case, and the words follow', () => {
    const one = cue(0, 2, 'Ask Jon, not Jonathan', [word(0, 0.5, ' Ask', 0.9), word(0.5, 1, ' Jon,', 0.4), word(1, 1.5, ' not', 0.9), word(1.5, 2, ' Jonathan', 0.9)]);
    const [out] = applyRules([one], parseRules('jon => John'));
    expect(out.text).toBe('Ask John, not Jonathan');
    expect(out.words?.map((w) => w.text)).toEqual([' Ask', ' John,', ' not', ' Jonathan']);
    expect(out.words?.[1].probability).toBe(0.4);
  });

  it('lets go of the words when a rule spans them, and leaves untouched cues as they were', () => {
    const one = cue(0, 1, 'new york', [word(0, 0.5, ' new'), word(0.5, 1, ' york')]);
    const other = cue(1, 2, 'elsewhere');
    const [a, b] = applyRules([one, other], parseRules('new york => New York City'));
    expect([a.text, a.words]).toEqual(['New York City', undefined]);
    expect(b).toBe(other);
  });
});
