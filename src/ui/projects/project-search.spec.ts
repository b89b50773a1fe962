import { describe, expect, it } from 'vitest';
import { cue } from '../../core/subtitles/cue.ts';
import { MemoryProjectStore } from '../../testing/memory-project-store.ts';
import { ProjectSearch } from './project-search.svelte.ts';

describe('ProjectSearch', () => {
  it('finds cues in every project by prefix, sees edits and deletions, and says where each hit is', async () => {
    const store = new MemoryProjectStore();
    await store.create({ id: 'a', name: 'lecture.mp4', createdAt: 1, updatedAt: 1 });
    await store.append('a', 0, { kind: 'cues', cues: [cue(0, 2, 'Photosynthesis needs light'), cue(2, 4, 'and water')] });
    await store.create({ id: 'b', name: 'interview.wav', createdAt: 2, updatedAt: 2 });
    await store.append('b', 0, { kind: 'cues', cues: [cue(5, 7, 'We spoke about light rail')] });
    const search = new ProjectSearch(store);
    await search.search('photosynth');
    expect(search.hits).toEqual([{ projectId: 'a', projectName: 'lecture.mp4', index: 0, start: 0, text: 'Photosynthesis needs light' }]);
    await search.search('light');
    expect(search.hits.map((h) => h.projectId).sort()).toEqual(['a', 'b']);

    await store.append('b', 1, { kind: 'op', op: { type: 'edit', index: 0, patch: { text: 'We spoke about trams' } } });
    await store.put({ id: 'b', name: 'interview.wav', createdAt: 2, updatedAt: 3 });
    await store.remove('a');
    await search.search('light');
    expect(search.hits).toEqual([]);
    await search.search('trams');
    expect(search.hits.map((h) => [h.projectName, h.index, h.start])).toEqual([['interview.wav', 0, 5]]);
  });

  it('finds what a speaker said: the name and the words together', async () => {
    const store = new MemoryProjectStore();
    await store.create({ id: 'a', name: 'meeting.wav', createdAt: 1, updatedAt: 1 });
    await store.append('a', 0, { kind: 'cues', cues: [cue(0, 2, 'The budget is fine', undefined, 'Anna'), cue(2, 4, 'The budget is not fine', undefined, 'Ben')] });
    const search = new ProjectSearch(store);
    await search.search('anna budget');
    expect(search.hits.map((h) => [h.index, h.text])).toEqual([[0, 'Anna: The budget is fine']]);
  });

  it("two searches at once both finish, and the hits are the latest search's", async () => {
    const store = new MemoryProjectStore();
    await store.create({ id: 'a', name: 'lecture.mp4', createdAt: 1, updatedAt: 1 });
    await store.append('a', 0, { kind: 'cues', cues: [cue(0, 2, 'Photosynthesis needs light'), cue(2, 4, 'and water')] });
    const search = new ProjectSearch(store);
    await Promise.all([search.search('photo'), search.search('water')]);
    expect(search.hits.map((h) => h.text)).toEqual(['and water']);
  });
});
