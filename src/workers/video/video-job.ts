import { ALL_FORMATS, BlobSource, Conversion, Input, Output, StreamTarget, TextSubtitleSource, type OutputFormat, type VideoSample } from 'mediabunny';
import { StudioError } from '../../core/errors.ts';
import { captionCues } from '../../core/subtitles/caption-cues.ts';
import { toVtt } from '../../core/subtitles/formats.ts';
import { cueAt } from '../../core/video/caption-layout.ts';
import type { VideoReply, VideoRequest, VideoResult } from '../../core/video-protocol.ts';
import { CaptionPainter } from './caption-painter.ts';
import { openOutputFile, type OutputFile } from './output-file.ts';
import { audioPlan, burnFormat, softFormat } from './video-output.ts';

type Start = Extract<VideoRequest, { type: 'start' }>;

/** A job under way: cancel stops the conversion at its next frame. */
export interface VideoJob {
  readonly done: Promise<void>;
  cancel(): void;
}

/** Writing in 4 MiB pieces: memory stays at a few pieces and frames, whatever the video's length. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const PROGRESS_MS = 250;

const baseName = (name: string): string => name.replace(/\.[^.]+$/, '') || 'video';

function outputName(request: Start, format: OutputFormat): string {
  return `${baseName(request.name)}.${request.kind === 'burn' ? 'captioned' : 'subtitled'}${format.fileExtension}`;
}

/** The frame with the cue at its time drawn in, or the frame as it is between cues. */
function painter(request: Start, width: number, height: number): (sample: VideoSample) => VideoSample | Promise<OffscreenCanvas> {
  const cues = captionCues(request.cues);
  const paint = new CaptionPainter(width, height, request.style);
  return (sample) => {
    const i = cueAt(cues, sample.timestamp);
    return i < 0 ? sample : paint.paint(sample, cues[i], sample.timestamp);
  };
}

async function conversionFor(request: Start, input: Input, output: Output, format: OutputFormat, reencode: boolean): Promise<{ conversion: Conversion; codec: string }> {
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new StudioError({ code: 'invalid-input', message: `${request.name} has no picture. Captions can go into a video only; export SRT, VTT or ASS for audio.` });
  const [width, height] = [track.displayWidth, track.displayHeight];
  const audio = { forceTranscode: reencode, ...(audioPlan(await input.getPrimaryAudioTrack(), format, reencode) === 're-encoded' ? { codec: 'opus' as const } : {}) };
  if (request.kind === 'soft') return { conversion: await Conversion.init({ input, output, composable: true, tracks: 'primary', audio, showWarnings: false }), codec: String(track.codec) };
  const codec = (await burnFormat(width, height)).codec;
  const video = { codec, forceTranscode: true, process: painter(request, width, height) };
  return { conversion: await Conversion.init({ input, output, tracks: 'primary', video, audio, showWarnings: false }), codec };
}

async function execute(request: Start, conversion: Conversion, output: Output): Promise<void> {
  if (!conversion.isValid) throw new StudioError({ code: 'unsupported', message: `${request.name}: ${conversion.discardedTracks.map((d) => `its ${d.track.type} track cannot go in (${d.reason})`).join('; ')}.` });
  if (request.kind === 'burn') return conversion.execute();
  const subtitles = new TextSubtitleSource('webvtt');
  output.addSubtitleTrack(subtitles, { name: 'Whisper Studio', languageCode: 'und' });
  await output.start();
  await Promise.all([subtitles.add(toVtt(request.cues)).then(() => subtitles.close()), conversion.execute()]);
  await output.finalize();
}

/** Run one burn-in or soft-subtitle job, posting progress; the output is written as it is made, or removed whole. */
export function startVideoJob(request: Start, post: (reply: VideoReply) => void): VideoJob {
  let cancelled = false;
  let conversion: Conversion | null = null;
  let out: OutputFile | null = null;
  const run = async (): Promise<void> => {
    const input = new Input({ source: new BlobSource(request.file), formats: ALL_FORMATS });
    const video = await input.getPrimaryVideoTrack();
    const format = request.kind === 'burn' ? (await burnFormat(video?.displayWidth ?? 2, video?.displayHeight ?? 2)).format : await softFormat(input);
    const name = outputName(request, format);
    out = await openOutputFile(request.target, name);
    const output = new Output({ format, target: new StreamTarget(out.writable, { chunked: true, chunkSize: CHUNK_BYTES }) });
    const made = await conversionFor(request, input, output, format, request.reencodeAudio ?? false);
    conversion = made.conversion;
    if (cancelled) throw new CancelledJob();
    reportProgress(made.conversion, post);
    await execute(request, made.conversion, output);
    const file = await out.file();
    const audio = audioPlan(await input.getPrimaryAudioTrack(), format, request.reencodeAudio ?? false);
    const result: VideoResult = { name, bytes: file.size, saved: out.saved, mimeType: format.mimeType, video: made.codec, audio };
    input.dispose();
    post({ type: 'done', result });
  };
  const done = run().catch(async (error: unknown) => {
    await out?.discard();
    if (cancelled) return post({ type: 'cancelled' });
    post({ type: 'failed', error: error instanceof StudioError ? error.data : { code: 'unsupported', message: `The video could not be made: ${error instanceof Error ? error.message : String(error)}` } });
  });
  return { done, cancel: () => ((cancelled = true), void conversion?.cancel()) };
}

class CancelledJob extends Error {}

function reportProgress(conversion: Conversion, post: (reply: VideoReply) => void): void {
  let last = 0;
  conversion.onProgress = (fraction, seconds) => {
    if (performance.now() - last < PROGRESS_MS && fraction < 1) return;
    last = performance.now();
    post({ type: 'progress', fraction, seconds });
  };
}
