import { describe, expect, it } from 'vitest';
import { safeBaseName, uniqueNames } from './file-names.ts';

describe('safeBaseName', () => {
  it('drops the extension and every character a file system or ZIP path would read as a folder or refuse', () => {
    expect(safeBaseName('talk.mp3')).toBe('talk');
    expect(safeBaseName('../../etc/passwd.wav')).toBe('_.._etc_passwd');
    expect(safeBaseName('a\\b:c*?.mp4')).toBe('a_b_c__');
    expect(safeBaseName('Interview 2024/05.mp4')).toBe('Interview 2024_05');
    expect(safeBaseName('...')).toBe('transcript');
    expect(safeBaseName('', 'video')).toBe('video');
    expect(safeBaseName('con.mp3')).toBe('con_');
    expect(safeBaseName('x'.repeat(400) + '.mp3')).toHaveLength(120);
  });
});

describe('uniqueNames', () => {
  it('keeps names apart when compared case-folded, including names that look like a numbered copy', () => {
    expect(uniqueNames(['talk', 'talk (2)', 'talk', 'Talk', 'TALK (2)'])).toEqual(['talk', 'talk (2)', 'talk (3)', 'Talk (4)', 'TALK (2) (2)']);
  });
});
