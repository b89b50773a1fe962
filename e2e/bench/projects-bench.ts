import { cue, type Cue } from '../../src/core/subtitles/cue.ts';
import { ProjectSaver } from '../../src/ui/document/project-saver.svelte.ts';
import { ProjectSearch } from '../../src/ui/projects/project-search.svelte.ts';
import { Projects } from '../../src/ui/projects/projects.svelte.ts';
import { Transcript } from '../../src/ui/document/transcript.svelte.ts';
import { idbProjectStore } from '../../src/ui/storage/idb-project-store.ts';

const WORDS = 'the museum opens at nine in the morning and closes at six in the evening please remember your umbrella because it will rain'.split(' ');

/** One window of dense speech: 25 s, 8 cues of ~9 words, each word timed (≈ 70 words: 432 windows ≈ 30k words, 3 hours). */
function windowCues(w: number): Cue[] {
  return Array.from({ length: 8 }, (_, c) => {
    const start = w * 25 + c * 3;
    const words = Array.from({ length: 9 }, (_, i) => ({ start: start + i * 0.3, end: start + i * 0.3 + 0.28, text: ` ${WORDS[(w * 7 + c * 3 + i) % WORDS.length]}` }));
    return cue(start, start + 2.9, words.map((x) => x.text).join('').trim(), words);
  });
}

const keys = (): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> => {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
};

const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** Figures of the projects store on this browser's IndexedDB, each database made fresh and deleted after. */
export async function projectsBench() {
  const name = `bench-projects-${Date.now()}`;
  const store = idbProjectStore(name);
  const newId = (): string => crypto.randomUUID();
  const saver = new ProjectSaver({ store, now: () => Date.now(), newId, keys: keys() });
  const transcript = new Transcript(saver);
  transcript.begin('three-hours.wav');
  const perWindow: number[] = [];
  for (let w = 0; w < 432; w++) {
    const cues = windowCues(w);
    const t0 = performance.now();
    transcript.append(cues);
    perWindow.push(performance.now() - t0);
  }
  const t1 = performance.now();
  await saver.settled();
  const drainMs = performance.now() - t1;
  const id = saver.openId!;
  const words = transcript.cues.reduce((n, c) => n + (c.words?.length ?? 0), 0);

  const reader = new Transcript(new ProjectSaver({ store, now: () => Date.now(), newId, keys: keys() }));
  const t2 = performance.now();
  await reader.open(id);
  const openMs = performance.now() - t2;

  for (let p = 0; p < 500; p++) {
    const meta = { id: `p${p}`, name: `episode-${p}.mp3`, createdAt: p, updatedAt: p };
    await store.append(meta.id, 0, { kind: 'cues', cues: windowCues(p).map((c, i) => (i === 3 && p === 250 ? cue(c.start, c.end, 'a rare word: xylophone') : c)) });
    await store.put(meta);
  }
  const projects = new Projects(store, saver, transcript, { newId, now: () => Date.now() });
  const t3 = performance.now();
  await projects.refresh();
  const listMs = performance.now() - t3;

  const search = new ProjectSearch(store);
  const t4 = performance.now();
  await search.search('xylophone');
  const indexMs = performance.now() - t4;
  const t5 = performance.now();
  await search.search('umbrel');
  const searchMs = performance.now() - t5;
  await search.search('xylophone');
  const rareFound = search.hits.length;

  const t6 = performance.now();
  const zip = await projects.exportZip(Array.from({ length: 100 }, (_, p) => `p${p}`), ['srt', 'vtt']);
  const exportMs = performance.now() - t6;
  indexedDB.deleteDatabase(name);
  return {
    windows: perWindow.length, words, cues: transcript.cues.length,
    saveP50: percentile(perWindow, 0.5), saveP95: percentile(perWindow, 0.95), saveMax: Math.max(...perWindow), drainMs,
    openMs, reopenedCues: reader.cues.length, listMs, listed: projects.list.length, indexMs, searchMs, rareFound, exportMs, zipBytes: zip.length,
  };
}
