import { describe, expect, it } from 'vitest';
import { cue } from '../../core/subtitles/cue.ts';
import { LogConflictError } from '../../core/projects/project-store.ts';
import { MemoryProjectStore } from '../../testing/memory-project-store.ts';
import { MemoryLockBroker } from '../../testing/memory-hold-lock.ts';
import { MemoryTabBus } from '../../testing/memory-tab-bus.ts';
import { ProjectSaver } from '../document/project-saver.svelte.ts';
import { Projects } from '../projects/projects.svelte.ts';
import { Transcript } from '../document/transcript.svelte.ts';
import { ProjectLease } from './project-lease.svelte.ts';
import { tabSignals } from './tab-signals.ts';

const tick = (ms = 20): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Tabs of one browser: one IndexedDB, one set of Web Locks, one BroadcastChannel, localStorage shared. */
function browser() {
  const store = new MemoryProjectStore();
  const [broker, bus, keys] = [new MemoryLockBroker(), new MemoryTabBus(), new Map<string, string>()];
  let id = 0;
  const tab = ({ frozen = false } = {}) => {
    const signals = tabSignals(bus.port());
    const flush = (): Promise<void> => (frozen ? new Promise(() => undefined) : saver.settled());
    const lease: ProjectLease = new ProjectLease({ hold: broker.hold, signals, flush, wait: () => tick(50) });
    const storage = { getItem: (k: string) => keys.get(k) ?? null, setItem: (k: string, v: string) => void keys.set(k, v), removeItem: (k: string) => void keys.delete(k) };
    const saver: ProjectSaver = new ProjectSaver({ store, now: () => 1, newId: () => `p${id++}`, keys: storage, lease, signals });
    const transcript = new Transcript(saver, null, signals);
    const projects = new Projects(store, saver, transcript, { newId: () => `p${id++}`, now: () => 1, signals });
    return { saver, transcript, projects, lease };
  };
  return { store, broker, tab };
}

const texts = (t: Transcript) => t.cues.map((c) => c.text);

type Tab = ReturnType<ReturnType<typeof browser>['tab']>;

/** Tab A edits project p0 (one cue, saved); tab B opened it after, so shows it read-only. */
async function editingAndShowing(tab: () => Tab): Promise<[Tab, Tab]> {
  const a = tab();
  a.transcript.begin('talk.wav');
  a.transcript.append([cue(0, 1, 'one')]);
  await a.saver.settled();
  const b = tab();
  await b.transcript.open('p0');
  return [a, b];
}

describe('one project in two tabs', () => {
  it('lets one tab edit; the other shows it read-only, follows its saves, and can take it over without losing an edit', async () => {
    const { tab } = browser();
    const a = tab();
    a.transcript.begin('jfk.wav');
    a.transcript.append([cue(0, 1, 'one'), cue(1, 2, 'two'), cue(2, 3, 'three')]);
    await a.saver.settled();
    const b = tab();
    await b.transcript.reopen(); // the app reopens the last project by itself: here read-only
    expect([texts(b.transcript), b.transcript.readOnly, a.transcript.readOnly]).toEqual([['one', 'two', 'three'], true, false]);

    a.transcript.edit(0, { text: 'ONE' });
    b.transcript.act(0, { kind: 'delete' }, 0); // refused: B only shows it
    a.transcript.edit(1, { text: 'TWO' });
    await a.saver.settled();
    await tick(400);
    expect(texts(b.transcript)).toEqual(['ONE', 'TWO', 'three']);

    await b.transcript.openHere();
    expect([b.transcript.readOnly, a.transcript.readOnly, a.transcript.readOnlyReason]).toEqual([false, true, expect.stringContaining('another tab')]);
    b.transcript.act(0, { kind: 'delete' }, 0);
    a.transcript.edit(2, { text: 'lost?' }); // refused in A now
    await b.saver.settled();

    const c = tab(); // a reload
    await c.transcript.open(b.saver.openId!);
    expect(texts(c.transcript)).toEqual(['TWO', 'three']);
    c.transcript.undo(); // read-only here too: B holds it
    expect(texts(c.transcript)).toEqual(['TWO', 'three']);
  });

  it('takes the project from a tab that never hands it over (frozen); a write with a number already taken fails loudly and overwrites nothing', async () => {
    const { tab, store } = browser();
    const a = tab({ frozen: true });
    a.transcript.begin('talk.wav');
    a.transcript.append([cue(0, 1, 'one')]);
    await a.saver.settled();
    const b = tab();
    await b.transcript.open('p0');
    await b.transcript.openHere();
    expect([b.transcript.readOnly, a.transcript.readOnly]).toEqual([false, true]);
    b.transcript.edit(0, { text: 'from B' });
    await b.saver.settled();
    await expect(store.append('p0', 1, { kind: 'op', op: { type: 'undo' } })).rejects.toBeInstanceOf(LogConflictError);
    expect(store.logs.get('p0')?.map((e) => e.kind)).toEqual(['cues', 'op']);
  });

  it('closes a project deleted in another tab, and a late write never brings it back', async () => {
    const { tab, store } = browser();
    const a = tab();
    a.transcript.begin('talk.wav');
    a.transcript.append([cue(0, 1, 'one')]);
    await a.saver.settled();
    const b = tab();
    await b.projects.refresh();
    a.transcript.edit(0, { text: 'edited' }); // still being written while B deletes
    await b.projects.remove('p0');
    await a.saver.settled();
    await tick();
    expect([store.metas.has('p0'), store.logs.has('p0'), a.saver.saveError]).toEqual([false, false, null]);
    expect([a.transcript.cues.length, a.saver.openId, a.transcript.notice]).toEqual([0, null, expect.stringContaining('deleted in another tab')]);
    await a.projects.refresh();
    expect(a.projects.list).toEqual([]);
  });

  it('a tab that shows a project read-only and starts a transcription saves every window of the new one', async () => {
    const { tab, store } = browser();
    const [a, b] = await editingAndShowing(tab);
    expect(b.transcript.readOnly).toBe(true);
    b.transcript.begin('other.wav'); // the first window comes before the new project's lock is granted
    b.transcript.append([cue(0, 1, 'first window')]);
    expect(b.transcript.readOnly).toBe(false);
    await b.saver.settled();
    expect(store.logs.get(b.saver.openId!)).toHaveLength(1);
  });

  it('a rename in a read-only tab is kept: the editing tab writes the new name from then on', async () => {
    const { tab, store } = browser();
    const [a, b] = await editingAndShowing(tab);
    await b.projects.refresh();
    await b.projects.rename('p0', 'Interview');
    await tick();
    a.transcript.edit(0, { text: 'edited' }); // A writes its metadata with this change
    await a.saver.settled();
    expect([store.metas.get('p0')?.name, a.transcript.source, b.transcript.source]).toEqual(['Interview', 'Interview', 'Interview']);
  });
});
