import { describe, expect, it } from 'vitest';
import { beamStep } from './beam-search.ts';
import { DecodeProfile } from './decode-profile.ts';
import { isUnsure } from './unsure.ts';

const attempt = (avgLogProb: number, compressionRatio = 1.2, shortLoop = false) => ({ result: null, temperature: 0, avgLogProb, compressionRatio, shortLoop });

describe('isUnsure', () => {
  it('trusts a confident greedy text and sends the rest to beam search', () => {
    expect(isUnsure(attempt(-0.2), [-0.1, -0.3, -0.05], 0.01)).toBe(false);
    expect(isUnsure(attempt(-0.7), [-0.1, -0.3], 0.01)).toBe(true); // middling on average
    expect(isUnsure(attempt(-0.2), [-0.1, -2.5, -0.05], 0.01)).toBe(true); // one word was a guess (p ≈ 0.08)
    expect(isUnsure(attempt(-0.2), [-0.1], 0.8)).toBe(true); // the model doubts there is speech
    expect(isUnsure(attempt(-0.2, 3, true), [-0.1], 0.01)).toBe(true); // it loops
  });
});

describe('beam search keeps each token\'s log-probability', () => {
  it('so a greedy result can say which words it was unsure of', () => {
    const row = Float32Array.from([Math.log(0.7), Math.log(0.2), Math.log(0.1)]);
    const step = beamStep([{ tokens: [], logProb: 0 }], [row], 1, 2, true);
    expect(step.alive[0].tokenLogProbs).toEqual([row[0]]);
    const next = beamStep(step.alive, [row], 1, 2);
    expect(next.alive[0].tokenLogProbs).toEqual([row[0], row[0]]);
  });
});

describe('DecodeProfile', () => {
  it('adds time by phase and counts events', async () => {
    let clock = 0;
    const profile = new DecodeProfile(() => clock);
    await profile.time('encoder', async () => void (clock += 30));
    await profile.time('encoder', async () => void (clock += 12));
    profile.count('windows');
    profile.count('decoder rows', 5);
    expect(profile.data()).toEqual({ ms: { encoder: 42 }, counts: { windows: 1, 'decoder rows': 5 } });
  });
});
