import { StudioError } from '../../core/errors.ts';
import type { SpeakerCount } from '../../core/speakers/cluster-voices.ts';
import type { SpeakerTurn } from '../../core/speakers/speaker-turns.ts';
import type { SpeakersReply, SpeakersRequest } from '../../core/speakers/speakers-protocol.ts';
import type { StoredModel } from '../../core/store/stored-model.ts';
import type { JobOwner } from '../../workers/shared/job-owner.ts';
import type { MediaReading } from './media-reading.ts';
import { openMedia, samplesPort, type MediaSourceDeps } from './media-source.ts';

/** The speaker worker's owner: one file at a time. */
export type SpeakersOwner = JobOwner<SpeakersRequest, SpeakersReply>;

export interface SpeakerModelDeps extends MediaSourceDeps {
  readonly jobs: SpeakersOwner;
}

export interface SpeakerModelRun {
  readonly model: Pick<StoredModel, 'repo' | 'dtype'>;
  readonly speakers: SpeakerCount;
  readonly onprogress: (done: number, total: number) => void;
  /** Aborting it stops the run, its worker with it (a model's chunk cannot be interrupted); the promise then gives null. */
  readonly signal: AbortSignal;
}

/**
 * Who speaks when in a file, with a downloaded segmentation model: the file read once more (the
 * reader streams it to the speaker worker), the model run chunk by chunk there, the turns back.
 */
export async function speakersWithModel(deps: SpeakerModelDeps, file: Blob & { name?: string }, run: SpeakerModelRun): Promise<readonly SpeakerTurn[] | null> {
  const { model, speakers, onprogress, signal } = run;
  let reading: MediaReading | null = null;
  let failure: StudioError | null = null;
  try {
    const opened = await openMedia(file, deps, { onprogress: () => undefined, onfailed: (error) => (failure = new StudioError(error)) }, (r) => (reading = r), () => false);
    if (signal.aborted) return null;
    const [source, transfer] = samplesPort(opened, opened.seconds);
    return await new Promise<readonly SpeakerTurn[] | null>((resolve, reject) => {
      const onreply = (reply: SpeakersReply): void => {
        if (reply.type === 'progress') onprogress(reply.progress.done, reply.progress.total);
        else if (reply.type === 'result') resolve(reply.result.turns);
        else if (reply.type === 'failed') reject(failure ?? new StudioError(reply.error));
        else if (reply.type === 'cancelled') resolve(null);
      };
      deps.jobs.run({ type: 'speakers', repo: model.repo, dtype: model.dtype, source, speakers }, { onreply, transfer, advice: 'The transcript is kept without speakers; name them in the editor, or transcribe again.' });
      signal.addEventListener('abort', () => deps.jobs.terminate(), { once: true });
    });
  } finally {
    (reading as MediaReading | null)?.stop();
  }
}
