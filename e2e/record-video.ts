import type { Page } from '@playwright/test';

/**
 * A WebM video (VP8 + Opus) of a WAV file's audio over a moving picture, recorded in the page by
 * MediaRecorder — in real time, so keep clips short. Returns the file's bytes.
 */
export async function recordVideo(page: Page, wav: Buffer): Promise<Buffer> {
  const base64 = await page.evaluate(async (wavBase64) => {
    const bytes = Uint8Array.from(atob(wavBase64), (c) => c.charCodeAt(0));
    const context = new AudioContext();
    const buffer = await context.decodeAudioData(bytes.buffer);
    const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 180 });
    const draw = canvas.getContext('2d')!;
    const source = context.createBufferSource();
    source.buffer = buffer;
    const sink = context.createMediaStreamDestination();
    source.connect(sink);
    const stream = new MediaStream([...canvas.captureStream(15).getVideoTracks(), ...sink.stream.getAudioTracks()]);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8,opus' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    let frame = 0;
    const timer = setInterval(() => {
      draw.fillStyle = `hsl(${(frame += 6) % 360} 60% 40%)`;
      draw.fillRect(0, 0, 320, 180);
    }, 66);
    recorder.start(500);
    source.start();
    await new Promise((resolve) => (source.onended = resolve));
    recorder.stop();
    await stopped;
    clearInterval(timer);
    await context.close();
    const blob = new Blob(chunks, { type: 'video/webm' });
    const out = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < out.length; i += 0x8000) text += String.fromCharCode(...out.subarray(i, i + 0x8000));
    return btoa(text);
  }, wav.toString('base64'));
  return Buffer.from(base64, 'base64');
}
