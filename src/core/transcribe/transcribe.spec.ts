import { describe, expect, it } from 'vitest';
import { endsInLoop, findLoop } from './repetition.ts';
import { tokenBudget } from './decode-quality.ts';
import { isSilent } from './silence.ts';

describe('repetition loops', () => {
  it('finds a word or phrase repeated four times in a row', () => {
    expect(findLoop('I was like, like, like, like, like, so')).toBe(3);
    expect(findLoop('we go on and on and on and on and on')).not.toBeNull();
    expect(findLoop('ask not what your country can do for you, ask what you can do for your country')).toBeNull();
  });
  it('finds a whole sentence repeated three times in a row, and lets one said twice be', () => {
    const sentence = 'She bought fresh bread, she meant that will not be the only one.';
    expect(findLoop(`Please remember. ${sentence} ${sentence} ${sentence} ${sentence} What you`)).toBe(2 + 13);
    expect(findLoop(`${sentence} ${sentence} And then we left.`)).toBeNull();
  });
  it('tells when generated tokens end in a loop', () => {
    expect(endsInLoop([1, 2, 3, 7, 7, 7, 7])).toBe(true);
    expect(endsInLoop([1, 2, 3, 7, 7, 7])).toBe(false);
    expect(endsInLoop([9, 4, 5, 6, 4, 5, 6, 4, 5, 6])).toBe(true);
    expect(endsInLoop([4, 5, 6, 4, 5, 6, 1])).toBe(false);
    const sentence = Array.from({ length: 16 }, (_, i) => 100 + i);
    expect(endsInLoop([1, ...sentence, ...sentence, ...sentence])).toBe(true);
    expect(endsInLoop([1, ...sentence, ...sentence])).toBe(false);
  });
  it('gives a window a token budget by its length', () => {
    expect(tokenBudget(2)).toBe(30);
    expect(tokenBudget(30)).toBe(224);
  });
});

describe('silence', () => {
  it('tells silence and faint hiss from speech-level signal', () => {
    expect(isSilent(new Float32Array(16000))).toBe(true);
    expect(isSilent(Float32Array.from({ length: 16000 }, (_, i) => 0.001 * Math.sin(i)))).toBe(true);
    expect(isSilent(Float32Array.from({ length: 16000 }, (_, i) => 0.2 * Math.sin(i / 5)))).toBe(false);
  });
});
