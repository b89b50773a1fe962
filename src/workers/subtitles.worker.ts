/// <reference lib="webworker" />
import { toErrorData } from '../core/errors.ts';
import { importSubtitles } from '../core/subtitles/import-subtitles.ts';
import type { SubtitleImportReply, SubtitleImportRequest } from '../core/subtitles/subtitle-import-protocol.ts';
import { decodeSubtitleText } from '../core/subtitles/text-encoding.ts';

/** Reads subtitle files off the page's thread: a hostile or huge file costs this worker, never the page. */
declare const self: DedicatedWorkerGlobalScope;

const reply = (message: SubtitleImportReply): void => self.postMessage(Object.freeze(message));

self.onmessage = (event: MessageEvent<SubtitleImportRequest>) => {
  const { name, bytes, encoding } = event.data;
  try {
    const decoded = decodeSubtitleText(new Uint8Array(bytes), encoding);
    const { cues, skipped } = importSubtitles(name, decoded.text);
    reply({ type: 'imported', cues, skipped, encoding: decoded.encoding, how: decoded.how });
  } catch (error) {
    reply({ type: 'failed', error: toErrorData(error) });
  }
};
