import { describe, expect, it } from 'vitest';
import { findChromium, MISSING_CHROMIUM } from './chromium-path.ts';

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH, and reports a missing one as missing', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/c' }, (p) => p === '/opt/c')).toBe('/opt/c');
    expect(findChromium({ CHROMIUM_PATH: '/opt/c' }, () => false)).toBeNull();
  });

  it('falls back to the Debian path and names the fix when nothing is there', () => {
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    expect(findChromium({}, () => false)).toBeNull();
    expect(MISSING_CHROMIUM).toContain('apt-get install -y chromium');
  });
});
