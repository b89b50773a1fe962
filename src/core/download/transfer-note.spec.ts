import { describe, expect, it } from 'vitest';
import { transferNote } from './transfer-note.ts';

describe('transferNote', () => {
  it('counts down the wait it was told about, whatever the reason', () => {
    expect(transferNote({ reason: 'stalled', delayMs: 4000 }, 0)).toBe('Stalled — retrying in 4 s');
    expect(transferNote({ reason: 'stalled', delayMs: 4000 }, 1500)).toBe('Stalled — retrying in 3 s');
    expect(transferNote({ reason: 'server-asked', delayMs: 3000 }, 0)).toBe('Waiting 3 s as the hub asked');
    expect(transferNote({ reason: 'network', delayMs: 500 }, 900)).toBe('Retrying…');
    expect(transferNote({ reason: 'restart-file', delayMs: 0 }, 0)).toMatch(/starting this file over/);
    expect(transferNote({ reason: 'rate-limited', delayMs: 80_000 }, 0)).toBe('Rate-limited by the hub — retrying in 80 s');
    expect(transferNote({ reason: 'too-slow', delayMs: 1000 }, 2000)).toBe('Too slow — reconnecting…');
  });

  it('says nothing while bytes flow, then how long the silence has lasted', () => {
    expect(transferNote(null, 500)).toBeNull();
    expect(transferNote(null, 7200)).toBe('No data for 7 s…');
  });
});
