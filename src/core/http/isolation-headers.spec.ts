import { describe, expect, it } from 'vitest';
import { missingIsolationHeaders } from './isolation-headers.ts';

describe('missingIsolationHeaders', () => {
  it('adds what a plain static host leaves out and keeps what a host sends', () => {
    expect(missingIsolationHeaders(() => false)).toEqual({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    const sent = new Set(['cross-origin-embedder-policy', 'cross-origin-opener-policy']);
    expect(missingIsolationHeaders((name) => sent.has(name.toLowerCase()))).toEqual({ 'Cross-Origin-Resource-Policy': 'same-origin' });
  });
});
