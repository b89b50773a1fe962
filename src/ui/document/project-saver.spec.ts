import { describe, expect, it } from 'vitest';
import { cue } from '../../core/subtitles/cue.ts';
import { MemoryProjectStore } from '../../testing/memory-project-store.ts';
import { ProjectSaver } from './project-saver.svelte.ts';
import { Transcript } from './transcript.svelte.ts';

function keys(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

function setup(store = new MemoryProjectStore(), storage = keys()) {
  let id = 0;
  const saver = new ProjectSaver({ store, now: () => 1000, newId: () => `p${id++}`, keys: storage });
  return { store, storage, saver, transcript: new Transcript(saver) };
}

const window = (n: number) => Array.from({ length: 3 }, (_, i) => cue(n * 3 + i, n * 3 + i + 1, `cue ${n * 3 + i}`));

describe('ProjectSaver', () => {
  it('saves each window and each edit as one entry, never the whole transcript, and reopens with undo after a reload', async () => {
    const { store, storage, saver, transcript } = setup();
    transcript.begin('talk.mp3');
    for (let n = 0; n < 50; n++) transcript.append(window(n));
    transcript.edit(2, { text: 'edited' });
    transcript.act(4, { kind: 'delete' }, 0);
    transcript.undo();
    await saver.settled();
    const log = store.logs.get('p0')!;
    expect(log).toHaveLength(53);
    expect(log.every((e) => e.kind === 'op' || (e.kind === 'cues' && e.cues.length === 3))).toBe(true);

    const again = setup(store, storage);
    await again.transcript.reopen();
    expect(again.transcript.source).toBe('talk.mp3');
    expect(again.transcript.cues.map((c) => c.text).slice(0, 5)).toEqual(['cue 0', 'cue 1', 'edited', 'cue 3', 'cue 4']);
    expect(again.transcript.editor.canUndo && again.transcript.editor.canRedo).toBe(true);
    again.transcript.undo();
    expect(again.transcript.cues[2].text).toBe('cue 2');
  });

  it('says when a write fails (a full disk), keeps what was saved, and writes the waiting entries with the next change', async () => {
    const { store, storage, saver, transcript } = setup();
    transcript.begin('talk.mp3');
    transcript.append(window(0));
    await saver.settled();
    store.failWith = new DOMException('full', 'QuotaExceededError');
    transcript.append(window(1));
    transcript.edit(0, { text: 'changed' });
    await saver.settled();
    expect(saver.saveError).toMatch(/not saved: this device's storage for the app is full.*Everything saved before is kept/);
    expect(store.logs.get('p0')).toHaveLength(1);
    store.failWith = null;
    transcript.edit(1, { text: 'again' });
    await saver.settled();
    expect(saver.saveError).toBeNull();
    const again = setup(store, storage);
    await again.transcript.reopen();
    expect(again.transcript.cues.map((c) => c.text).slice(0, 4)).toEqual(['changed', 'again', 'cue 2', 'cue 3']);
  });

  it('imports the transcript kept before projects once', async () => {
    const legacy = JSON.stringify({ source: 'old.wav', segments: [cue(0, 1, 'kept')] });
    const storage = keys({ 'whisper-studio:transcript': legacy });
    const { transcript } = setup(new MemoryProjectStore(), storage);
    await transcript.reopen();
    expect([transcript.source, transcript.cues[0].text]).toEqual(['old.wav', 'kept']);
    expect(storage.map.has('whisper-studio:transcript')).toBe(false);
  });
});
