import { StudioError } from '../../core/errors.ts';
import { formatBytes } from '../../core/format/format-bytes.ts';
import { MAX_SUBTITLE_BYTES, SUBTITLE_TIME_LIMIT_MS, type SubtitleImportResult, type SubtitleImportReply, type SubtitleImportRequest } from '../../core/subtitles/subtitle-import-protocol.ts';
import { JobOwner, type JobWorker } from '../../workers/shared/job-owner.ts';

export type SubtitleWorker = JobWorker<SubtitleImportRequest, SubtitleImportReply>;

export interface ReadOptions {
  readonly makeWorker: () => SubtitleWorker;
  /** The encoding the person chose; null guesses it. */
  readonly encoding: string | null;
  /** @default SUBTITLE_TIME_LIMIT_MS */
  readonly timeLimitMs?: number;
}

const refused = (message: string): StudioError => new StudioError({ code: 'invalid-input', message });

/**
 * A subtitle file's cues, read in a worker of its own: a file over the size cap is refused before it
 * is read, and one that takes longer than the time limit stops the worker, each with a message.
 */
export async function readSubtitleFile(file: File, options: ReadOptions): Promise<SubtitleImportResult> {
  if (file.size > MAX_SUBTITLE_BYTES) {
    throw refused(`${file.name} is ${formatBytes(file.size)}: subtitle files are rarely over 1 MB, and this app reads up to ${formatBytes(MAX_SUBTITLE_BYTES)}. Is it the right file?`);
  }
  const bytes = await file.arrayBuffer();
  const owner = new JobOwner<SubtitleImportRequest, SubtitleImportReply>({ spawn: options.makeWorker, name: `The reader of ${file.name}` });
  const limit = options.timeLimitMs ?? SUBTITLE_TIME_LIMIT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<SubtitleImportResult>((resolve, reject) => {
      timer = setTimeout(() => reject(refused(`${file.name} took more than ${limit / 1000} s to read and was given up: it is not a subtitle file this app can read.`)), limit);
      const onreply = (reply: SubtitleImportReply): void => {
        if (reply.type === 'result') resolve(reply.result);
        else if (reply.type === 'failed') reject(new StudioError(reply.error));
      };
      owner.run({ type: 'import', name: file.name, bytes, encoding: options.encoding }, { onreply, transfer: [bytes] });
    });
  } finally {
    clearTimeout(timer);
    owner.terminate();
  }
}
