import { describe, expect, it } from 'vitest';
import { normalizeHubUrl } from './hub-url.ts';

describe('normalizeHubUrl', () => {
  it('keeps http(s) origins and paths without a trailing slash', () => {
    expect(normalizeHubUrl('https://huggingface.co/')).toBe('https://huggingface.co');
    expect(normalizeHubUrl(' http://127.0.0.1:5170 ')).toBe('http://127.0.0.1:5170');
    expect(normalizeHubUrl('https://mirror.example/hf/')).toBe('https://mirror.example/hf');
  });

  it('refuses what is not a plain http(s) endpoint', () => {
    for (const bad of ['huggingface.co', 'ftp://x', 'javascript:alert(1)', 'https://u:p@x', 'https://x/?a=1', '']) {
      expect(normalizeHubUrl(bad)).toBeNull();
    }
  });
});
