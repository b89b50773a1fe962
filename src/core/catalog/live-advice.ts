import { estimateRtf, speedText, type RtfRecord } from './model-speed.ts';
import type { Device } from '../transcribe/decode-options.ts';

/**
 * Live captions decode the growing utterance again on every pass, so they need a model well
 * faster than real time. Measured (models.bench.ts, 2 cores, Fast): base at RTF 0.12 commits a
 * word 2.7 s after it is said, small at RTF 0.29 only after 9 s.
 */
const LIVE_RTF = 0.2;

/** Said before a live session with a model too slow here to keep up; null when it keeps up. */
export function liveAdvice(repo: string, device: Device, history: readonly RtfRecord[]): string | null {
  const { rtf, measured } = estimateRtf(repo, device, 'fast', history);
  if (rtf <= LIVE_RTF) return null;
  const name = repo.split('/').pop() ?? repo;
  return `${name} runs ${speedText(rtf)} here${measured ? '' : ' (estimated)'}: live captions would trail the speech by many seconds. A smaller model (base or tiny) keeps up.`;
}
