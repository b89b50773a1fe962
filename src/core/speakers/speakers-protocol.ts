import type { JobReply } from '../job/job-protocol.ts';
import type { Dtype } from '../plan/dtypes.ts';
import type { SpeakerCount } from './cluster-voices.ts';
import type { SpeakerTurn } from './speaker-turns.ts';

/**
 * Page → speaker worker: who speaks when in a file, with a downloaded segmentation model (`repo`,
 * installed in OPFS). The samples come through `source.port` from the media reader (`PcmMessage`),
 * as for a transcription. Progress is in seconds of media read.
 */
export interface SpeakersRequest {
  readonly type: 'speakers';
  readonly jobId: string;
  readonly repo: string;
  readonly dtype: Dtype;
  readonly source: { readonly port: MessagePort; readonly seconds: number };
  readonly speakers: SpeakerCount;
}

export interface SpeakersResult {
  readonly turns: readonly SpeakerTurn[];
  readonly chunks: number;
  readonly elapsedMs: number;
}

export type SpeakersReply = JobReply<SpeakersResult>;
