import { StudioError } from '../../core/errors.ts';
import { formatBytes } from '../../core/format/format-bytes.ts';
import { MAX_SUBTITLE_BYTES, SUBTITLE_TIME_LIMIT_MS, type SubtitleImportReply, type SubtitleImportRequest } from '../../core/subtitles/subtitle-import-protocol.ts';

export type ReadSubtitles = Extract<SubtitleImportReply, { type: 'imported' }>;

/** The part of a Worker the reading needs. */
export interface SubtitleWorker {
  postMessage(message: SubtitleImportRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SubtitleImportReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

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
export async function readSubtitleFile(file: File, options: ReadOptions): Promise<ReadSubtitles> {
  if (file.size > MAX_SUBTITLE_BYTES) {
    throw refused(`${file.name} is ${formatBytes(file.size)}: subtitle files are rarely over 1 MB, and this app reads up to ${formatBytes(MAX_SUBTITLE_BYTES)}. Is it the right file?`);
  }
  const bytes = await file.arrayBuffer();
  const worker = options.makeWorker();
  const limit = options.timeLimitMs ?? SUBTITLE_TIME_LIMIT_MS;
  try {
    return await new Promise<ReadSubtitles>((resolve, reject) => {
      const timer = setTimeout(() => reject(refused(`${file.name} took more than ${limit / 1000} s to read and was given up: it is not a subtitle file this app can read.`)), limit);
      worker.addEventListener('message', ({ data }) => {
        clearTimeout(timer);
        if (data.type === 'imported') resolve(data);
        else reject(new StudioError(data.error));
      });
      worker.addEventListener('error', (event) => {
        clearTimeout(timer);
        reject(refused(`${file.name} could not be read (${event.message || 'the reader stopped'}).`));
      });
      worker.postMessage(Object.freeze({ type: 'import', name: file.name, bytes, encoding: options.encoding }), [bytes]);
    });
  } finally {
    worker.terminate();
  }
}
