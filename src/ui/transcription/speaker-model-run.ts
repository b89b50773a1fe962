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

/**
 * Who speaks when in a file, with a downloaded segmentation model: the file read once more (the
 * reader streams it to the speaker worker), the model run chunk by chunk there, the turns back.
 */
export async function speakersWithModel(deps: SpeakerModelDeps, file: Blob & { name?: string }, model: Pick<StoredModel, 'repo' | 'dtype'>, speakers: SpeakerCount, onprogress: (done: number, total: number) => void): Promise<readonly SpeakerTurn[]> {
  let reading: MediaReading | null = null;
  let failure: StudioError | null = null;
  const opened = await openMedia(file, deps, { onprogress: () => undefined, onfailed: (error) => (failure = new StudioError(error)) }, (r) => (reading = r), () => false);
  const [source, transfer] = samplesPort(opened, opened.seconds);
  try {
    return await new Promise<readonly SpeakerTurn[]>((resolve, reject) => {
      const onreply = (reply: SpeakersReply): void => {
        if (reply.type === 'progress') onprogress(reply.progress.done, reply.progress.total);
        else if (reply.type === 'result') resolve(reply.result.turns);
        else if (reply.type === 'failed') reject(failure ?? new StudioError(reply.error));
        else if (reply.type === 'cancelled') resolve([]); // the person moved on: the transcript stays without speakers
      };
      deps.jobs.run({ type: 'speakers', repo: model.repo, dtype: model.dtype, source, speakers }, { onreply, transfer, advice: 'The transcript is kept without speakers; name them in the editor, or transcribe again.' });
    });
  } finally {
    (reading as MediaReading | null)?.stop();
  }
}
