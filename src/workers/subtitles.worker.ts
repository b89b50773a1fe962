/// <reference lib="webworker" />
import { importSubtitles } from '../core/subtitles/import-subtitles.ts';
import type { SubtitleImportReply, SubtitleImportRequest } from '../core/subtitles/subtitle-import-protocol.ts';
import { decodeSubtitleText } from '../core/subtitles/text-encoding.ts';
import { postTo, serveJobs } from './shared/serve-jobs.ts';

/** Reads subtitle files off the page's thread: a hostile or huge file costs this worker, never the page. */
declare const self: DedicatedWorkerGlobalScope;

const post = postTo<SubtitleImportReply>(self);

serveJobs<SubtitleImportRequest, SubtitleImportReply>(self, {
  post,
  handle({ jobId, name, bytes, encoding }) {
    const decoded = decodeSubtitleText(new Uint8Array(bytes), encoding);
    const { cues, skipped } = importSubtitles(name, decoded.text);
    post({ type: 'result', jobId, result: { cues, skipped, encoding: decoded.encoding, how: decoded.how } });
  },
});
