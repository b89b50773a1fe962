import { describe, expect, it } from 'vitest';
import { codecName, undecodableMessage } from './codec-support.ts';

describe('codecName', () => {
  it('names codecs mediabunny does not know from the container', () => {
    expect(codecName(null, 'alac')).toBe('ALAC (Apple Lossless)');
    expect(codecName('ac3', 'A_AC3')).toBe('AC-3 (Dolby Digital)');
    expect(codecName(null, 'A_DTS')).toBe('DTS');
  });

  it('quotes what it cannot name', () => {
    expect(codecName(null, 'xyz1')).toBe('"xyz1"');
    expect(codecName(null, null)).toBe('an unknown');
  });

  it('says what to do', () => {
    expect(undecodableMessage('jfk-alac.m4a', codecName(null, 'alac'))).toBe(
      'jfk-alac.m4a uses the ALAC (Apple Lossless) audio codec, which this browser cannot decode: convert it to AAC, MP3, Opus or WAV (for example with ffmpeg or VLC), then try again.',
    );
  });
});
