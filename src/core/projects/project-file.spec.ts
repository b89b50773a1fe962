import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cue, word } from '../subtitles/cue.ts';
import { packProject, unpackProject } from './project-file.ts';
import { replayLog, type LogEntry } from './project-log.ts';

const meta = Object.freeze({ id: 'p1', name: 'talk.wav', createdAt: 1, updatedAt: 2, status: 'done' as const, settings: { repo: 'o/m', dtype: 'q8', device: 'wasm', quality: 'fast', language: 'en', task: 'transcribe', vad: true, prompt: 'Quarkfield' } });
const entries: LogEntry[] = [
  { kind: 'cues', cues: [cue(0, 1, 'one', [word(0, 1, ' one', 0.4)]), cue(1, 2, 'two')] },
  { kind: 'peaks', peaks: Uint8Array.from({ length: 70_000 }, (_, i) => i % 251) },
  { kind: 'op', op: { type: 'edit', index: 1, patch: { text: 'TWO' } } },
  { kind: 'op', op: { type: 'undo' } },
  { kind: 'speakers', turns: [{ start: 0, end: 1, speaker: 'Speaker 1' }, { start: 1, end: 2, speaker: 'Speaker 2' }] },
  { kind: 'op', op: { type: 'rename', from: 'Speaker 1', to: 'Anna' } },
  { kind: 'op', op: { type: 'assign', indices: [1], speaker: 'Anna' } },
  { kind: 'op', op: { type: 'fix-timing', rules: { cps: 17, minSeconds: 5 / 6, maxSeconds: 7, gapFrames: 2, fps: 25, maxLineLength: 42, maxLines: 2 } } },
];
const zipOf = (files: Record<string, string>): Blob => new Blob([zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])))]);

describe('project file', () => {
  it('carries a project whole: metadata, cues with words and speakers, undo history, peaks and the media', async () => {
    const media = new File([Uint8Array.from({ length: 300_000 }, (_, i) => i % 7)], 'talk.wav', { type: 'audio/wav' });
    const file = await packProject({ meta, entries, media });
    const { body, media: back } = await unpackProject(file);
    const { id: _, ...carried } = meta; // the importer gives the project its own id
    expect(body.meta).toEqual(carried);
    expect(body.entries).toEqual(entries);
    const history = replayLog(body.entries);
    expect([history.present.map((c) => c.text), history.present.map((c) => c.speaker), history.past.length]).toEqual([['one', 'two'], ['Anna', 'Anna'], 3]);
    expect([back?.name, back?.type, back?.size]).toEqual(['talk.wav', 'audio/wav', media.size]);
    expect(new Uint8Array(await back!.arrayBuffer())).toEqual(new Uint8Array(await media.arrayBuffer()));
    expect((await unpackProject(await packProject({ meta, entries, media: null }))).media).toBeNull();
  });

  it('refuses a damaged, foreign or newer file whole, saying why', async () => {
    const good = new Uint8Array(await (await packProject({ meta, entries, media: null })).arrayBuffer());
    await expect(unpackProject(new Blob([good.subarray(0, good.length / 2)]))).rejects.toThrow(/not a Whisper Studio project file, or it is damaged/);
    await expect(unpackProject(new Blob(['hello']))).rejects.toThrow(/damaged: it holds no project.json/);
    await expect(unpackProject(zipOf({ 'project.json': '{"format":"other"}' }))).rejects.toThrow(/names no Whisper Studio project/);
    await expect(unpackProject(zipOf({ 'project.json': JSON.stringify({ format: 'whisper-studio-project', version: 2, meta, entries: [] }) }))).rejects.toThrow(/format 2; this version of Whisper Studio reads format 1\. Update the app/);
    const tampered = JSON.stringify({ format: 'whisper-studio-project', version: 1, meta, entries: [entries[0], { kind: 'op', op: { type: 'edit', index: 'x' } }] });
    await expect(unpackProject(zipOf({ 'project.json': tampered }))).rejects.toThrow(/entry 2 of its history cannot be read/);
    const odd = JSON.stringify({ format: 'whisper-studio-project', version: 1, meta: { ...meta, status: 'hacked', settings: { repo: 1 }, logBytes: 'x', extra: '<script>' }, entries: [] });
    expect((await unpackProject(zipOf({ 'project.json': odd }))).body.meta).toEqual({ name: 'talk.wav', createdAt: 1, updatedAt: 2 }); // only fields with their types
    const noMedia = JSON.stringify({ format: 'whisper-studio-project', version: 1, meta, entries: [], media: { name: 'a.wav', type: 'audio/wav' } });
    await expect(unpackProject(zipOf({ 'project.json': noMedia }))).rejects.toThrow(/the media it names \(a.wav\) is missing/);
  });
});
