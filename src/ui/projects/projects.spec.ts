import { describe, expect, it } from 'vitest';
import { cue } from '../../core/subtitles/cue.ts';
import { MemoryProjectStore } from '../../testing/memory-project-store.ts';
import { ProjectSaver } from '../document/project-saver.svelte.ts';
import { Projects } from './projects.svelte.ts';
import { Transcript } from '../document/transcript.svelte.ts';

function setup() {
  const map = new Map<string, string>();
  const keys = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
  let [id, clock] = [0, 0];
  const store = new MemoryProjectStore();
  const saver = new ProjectSaver({ store, now: () => ++clock, newId: () => `p${id++}`, keys });
  const transcript = new Transcript(saver);
  return { store, transcript, projects: new Projects(store, saver, transcript, { newId: () => `p${id++}`, now: () => ++clock }) };
}

describe('Projects', () => {
  it('lists transcriptions newest first, opens one with its cues, renames and deletes', async () => {
    const { store, transcript, projects } = setup();
    transcript.begin('a.wav', { duration: 11 });
    transcript.append([cue(0, 1, 'first')]);
    transcript.ended('done', 0.1);
    transcript.begin('b.wav');
    transcript.append([cue(0, 1, 'second')]);
    await projects.refresh();
    expect(projects.list.map((p) => [p.name, p.status])).toEqual([['b.wav', 'transcribing'], ['a.wav', 'done']]);

    await projects.open('p0');
    expect([transcript.source, transcript.cues[0].text, projects.openId]).toEqual(['a.wav', 'first', 'p0']);
    transcript.edit(0, { text: 'changed' }); // saved to the project opened, not the last one
    await projects.rename('p1', 'Interview');
    await projects.open('p1');
    expect([transcript.source, transcript.cues[0].text]).toEqual(['Interview', 'second']);
    await projects.open('p0');
    expect(transcript.cues[0].text).toBe('changed');

    await projects.duplicate('p0');
    await projects.open('p2');
    expect([transcript.source, transcript.cues[0].text, transcript.editor.canUndo]).toEqual(['a.wav (copy)', 'changed', true]);
    transcript.edit(0, { text: 'only in the copy' });
    await projects.open('p0');
    expect(transcript.cues[0].text).toBe('changed');

    await projects.remove('p0');
    expect([transcript.cues.length, projects.openId, store.logs.has('p0')]).toEqual([0, null, false]);
    expect(projects.list.map((p) => p.name).sort()).toEqual(['Interview', 'a.wav (copy)']);
  });

  it('hands a project on as one file: imported elsewhere as a new project with its cues, undo history and media', async () => {
    const { transcript, projects } = setup();
    transcript.begin('talk.wav', { duration: 3 });
    transcript.append([cue(0, 1, 'one'), cue(1, 2, 'two')]);
    transcript.edit(0, { text: 'ONE' });
    transcript.edit(1, { text: 'TWO' });
    transcript.undo();
    const { name, file } = await projects.exportProject('p0', false);
    expect(name).toBe('talk.wav'.replace('.wav', '.wsproject'));

    const elsewhere = setup(); // another browser: its own store
    expect(await elsewhere.projects.importProject(file)).toBe(true);
    expect(await elsewhere.projects.importProject(file)).toBe(true); // again: a second project, never over the first
    expect(elsewhere.projects.list.map((p) => p.name)).toEqual(['talk.wav', 'talk.wav']);
    const t = elsewhere.transcript;
    expect([t.source, t.cues.map((c) => c.text), t.editor.canUndo, t.editor.canRedo]).toEqual(['talk.wav', ['ONE', 'two'], true, true]);
    t.redo();
    expect(t.cues.map((c) => c.text)).toEqual(['ONE', 'TWO']);
    await expect(elsewhere.projects.importProject(new Blob(['not a project']))).rejects.toThrow(/not a Whisper Studio project file/);
    expect(elsewhere.store.metas.size).toBe(2);
  });
});
