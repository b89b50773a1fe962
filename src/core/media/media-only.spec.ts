import { describe, expect, it } from 'vitest';
import { mediaOnly } from './media-only.ts';

describe('mediaOnly', () => {
  it('keeps audio and video by type, or by extension when the browser gives no type', () => {
    const files = [
      { name: 'a.mp3', type: 'audio/mpeg' },
      { name: 'b.mkv', type: '' },
      { name: 'notes.txt', type: 'text/plain' },
      { name: 'cover.jpg', type: 'image/jpeg' },
      { name: 'c.MOV', type: 'video/quicktime' },
      { name: 'd.opus', type: 'application/octet-stream' },
      { name: 'README', type: '' },
    ];
    expect(mediaOnly(files).map((f) => f.name)).toEqual(['a.mp3', 'b.mkv', 'c.MOV', 'd.opus']);
  });
});
