import type { ErrorData } from '../../core/errors.ts';
import { applyRules, type ReplaceRule } from '../../core/subtitles/replace-rules.ts';
import type { TranscribeReply, TranscribeUpdate } from '../../core/transcribe/transcribe-protocol.ts';
import { Emitter } from '../../core/util/emitter.ts';
import type { Transcript } from '../document/transcript.svelte.ts';
import type { TranscriptionOwner } from './file-run.ts';
import { LiveText } from './live-text.svelte.ts';
import { RUN_ADVICE, type RunEnd, type RunEvents, type TranscribeOptions } from './transcribe-options.ts';
import type { TranscriptionStatus } from './transcription-status.svelte.ts';

export interface LiveTranscriptionDeps {
  readonly jobs: TranscriptionOwner;
  readonly status: TranscriptionStatus;
  readonly transcript: Transcript;
}

/** One live run: told when its model is ready (audio may come from then) and how it ended. */
export type LiveRun = Pick<Emitter<RunEvents>, 'on' | 'once'>;

/**
 * Live captions of audio being captured, into a new project: words as they are committed, cues as
 * utterances end. Auto decodes greedily: beams on every pass over a growing utterance cannot keep up here.
 */
export class LiveTranscription {
  /** The words so far, while a session runs. */
  readonly text = new LiveText();
  readonly #deps: LiveTranscriptionDeps;

  constructor(deps: LiveTranscriptionDeps) {
    this.#deps = deps;
  }

  /** `port`: 16 kHz samples, then `end`; `name`: the new project's. Null while another transcription runs. */
  listen(port: MessagePort, name: string, options: TranscribeOptions): LiveRun | null {
    const { status, transcript, jobs } = this.#deps;
    if (status.busy) return null;
    const events = new Emitter<RunEvents>();
    const quality = options.quality === 'auto' ? 'fast' : options.quality;
    const { repo, dtype, device, language, task, multilingual } = options;
    status.begin('loading', () => jobs.terminate());
    transcript.begin(name, { kind: 'audio/webm', settings: { repo, dtype, device, quality, language, task, vad: true } });
    this.text.reset(quality);
    const ended = (phase: RunEnd['phase'], error: ErrorData | null): void => {
      transcript.ended(phase);
      events.emit('ended', status.end(phase, error));
    };
    const onreply = (reply: TranscribeReply): void => {
      if (reply.type === 'progress') status.progress(reply.progress.done, reply.progress.total);
      else if (reply.type === 'update') this.#update(reply.update, events, options.rules ?? []);
      else if (reply.type === 'result') ended('done', null);
      else if (reply.type === 'failed') (ended('failed', reply.error), jobs.terminate());
      else ended('cancelled', null);
    };
    const source = Object.freeze({ port, seconds: 0 });
    jobs.run({ type: 'live', source, repo, dtype, language, task, multilingual, device, quality }, { onreply, transfer: [port], advice: RUN_ADVICE });
    return events;
  }

  #update(update: TranscribeUpdate, events: Emitter<RunEvents>, rules: readonly ReplaceRule[]): void {
    const { status, transcript } = this.#deps;
    if (update.type === 'ready') {
      status.ready(update, false); // live captions wait on the speaker, not on us: no stall notice
      events.emit('ready', undefined);
    } else if (update.type === 'language') status.heard(update.code, update.probability);
    else if (update.type === 'live') {
      this.text.apply(update);
      transcript.append(applyRules(update.cues, rules));
      if (update.peaks.length) transcript.addPeaks(update.peaks);
    }
  }
}
