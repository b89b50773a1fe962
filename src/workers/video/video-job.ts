import { safeBaseName } from '../../core/format/file-names.ts';
import { ALL_FORMATS, BlobSource, Conversion, Input, Output, StreamTarget, TextSubtitleSource, type InputAudioTrack, type OutputFormat, type VideoCodec, type VideoSample } from 'mediabunny';
import { StudioError } from '../../core/errors.ts';
import { captionCues } from '../../core/subtitles/caption-cues.ts';
import { toVtt } from '../../core/subtitles/formats.ts';
import { cueAt } from '../../core/video/caption-layout.ts';
import type { VideoReply, VideoRequest } from '../../core/video/video-protocol.ts';
import { CaptionPainter } from './caption-painter.ts';
import { openOutputFile, type OutputFile } from './output-file.ts';
import { audioPlan, burnFormat, softFormat } from './video-output.ts';

type Start = Extract<VideoRequest, { type: 'export' }>;

/** A job under way: cancel stops the conversion at its next frame. */
export interface VideoJob {
  readonly done: Promise<void>;
  cancel(): void;
}

/** Writing in 4 MiB pieces: memory stays at a few pieces and frames, whatever the video's length. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const PROGRESS_MS = 250;

function outputName(request: Start, format: OutputFormat): string {
  return `${safeBaseName(request.name, 'video')}.${request.kind === 'burn' ? 'captioned' : 'subtitled'}${format.fileExtension}`;
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

/** The container and, for a burn-in, the video codec: decided from the video track before anything is written. */
async function outputPlan(request: Start, input: Input): Promise<{ format: OutputFormat; codec: VideoCodec | null; width: number; height: number }> {
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new StudioError({ code: 'invalid-input', message: `${request.name} has no picture. Captions can go into a video only; export SRT, VTT or ASS for audio.` });
  const [width, height] = [track.displayWidth, track.displayHeight];
  if (request.kind === 'soft') return { format: await softFormat(input), codec: null, width, height };
  return { ...(await burnFormat(width, height)), width, height };
}

type Plan = Awaited<ReturnType<typeof outputPlan>>;

function conversionFor(request: Start, input: Input, output: Output, plan: Plan, audioTrack: InputAudioTrack | null): Promise<Conversion> {
  const reencode = request.reencodeAudio ?? false;
  const audio = { forceTranscode: reencode, ...(audioPlan(audioTrack, plan.format, reencode) === 're-encoded' ? { codec: 'opus' as const } : {}) };
  if (plan.codec === null) return Conversion.init({ input, output, composable: true, tracks: 'primary', audio, showWarnings: false });
  const video = { codec: plan.codec, forceTranscode: true, process: painter(request, plan.width, plan.height) };
  return Conversion.init({ input, output, tracks: 'primary', video, audio, showWarnings: false });
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
    try {
      const plan = await outputPlan(request, input);
      const audioTrack = await input.getPrimaryAudioTrack();
      const name = outputName(request, plan.format);
      out = await openOutputFile(request.target, name);
      const output = new Output({ format: plan.format, target: new StreamTarget(out.writable, { chunked: true, chunkSize: CHUNK_BYTES }) });
      conversion = await conversionFor(request, input, output, plan, audioTrack);
      if (cancelled) throw new CancelledJob();
      reportProgress(conversion, (await input.computeDuration().catch(() => 0)) || 0, (done, total) => post({ type: 'progress', jobId: request.jobId, progress: { done, total, unit: 'seconds' } }));
      await execute(request, conversion, output);
      if (cancelled) throw new CancelledJob();
      await out.commit();
      const bytes = (await out.file()).size;
      const video = plan.codec ?? String((await input.getPrimaryVideoTrack())?.codec);
      post({ type: 'result', jobId: request.jobId, result: { name, bytes, saved: out.saved, mimeType: plan.format.mimeType, video, audio: audioPlan(audioTrack, plan.format, request.reencodeAudio ?? false) } });
    } finally {
      input.dispose();
    }
  };
  const done = run().catch(async (error: unknown) => {
    await out?.discard();
    if (cancelled) return post({ type: 'cancelled', jobId: request.jobId });
    post({ type: 'failed', jobId: request.jobId, error: error instanceof StudioError ? error.data : { code: 'unsupported', message: `The video could not be made: ${error instanceof Error ? error.message : String(error)}` } });
  });
  return { done, cancel: () => ((cancelled = true), void conversion?.cancel()) };
}

class CancelledJob extends Error {}

/** Seconds of the media made of `duration` (from the fraction where the container does not say). */
function reportProgress(conversion: Conversion, duration: number, progress: (done: number, total: number) => void): void {
  let last = 0;
  conversion.onProgress = (fraction, seconds) => {
    if (performance.now() - last < PROGRESS_MS && fraction < 1) return;
    last = performance.now();
    const total = duration > 0 ? duration : fraction > 0 ? seconds / fraction : 0;
    progress(Math.min(seconds, total), total);
  };
}
