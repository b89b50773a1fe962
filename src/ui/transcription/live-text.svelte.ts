import type { Word } from '../../core/subtitles/cue.ts';
import type { TranscribeUpdate } from '../../core/transcribe/transcribe-protocol.ts';
import type { Quality } from '../../core/transcribe/decode-options.ts';

type LiveUpdate = Extract<TranscribeUpdate, { type: 'live' }>;

/** Live captions as they grow: committed words (never changed) and the tentative tail after them. */
export class LiveText {
  /** Every word committed this session, in order. */
  committed = $state.raw<readonly Word[]>([]);
  tentative = $state.raw<readonly Word[]>([]);
  /** Audio captured so far, in seconds. */
  heardSeconds = $state(0);
  behindSeconds = $state(0);
  /** Decoding could not keep up and changed pace (`quality` is what it decodes with now). */
  behind = $state(false);
  quality = $state<Quality>('best');

  reset(quality: Quality): void {
    [this.committed, this.tentative, this.heardSeconds, this.behindSeconds, this.behind, this.quality] = [[], [], 0, 0, false, quality];
  }

  apply(reply: LiveUpdate): void {
    if (reply.commit.length > 0) this.committed = Object.freeze([...this.committed, ...reply.commit]);
    this.tentative = reply.tentative;
    [this.heardSeconds, this.behindSeconds, this.behind, this.quality] = [reply.heardSeconds, reply.behindSeconds, reply.behind, reply.quality];
  }
}
