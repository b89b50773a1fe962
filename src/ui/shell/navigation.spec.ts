import { describe, expect, it } from 'vitest';
import { route } from '../../core/shell/route.ts';
import { Navigation } from './navigation.svelte.ts';
import { Router, type RouterWindow } from './router.svelte.ts';

function setup(hash: string, projects: string[] = ['a', 'b'], busy = false) {
  const listeners: (() => void)[] = [];
  const win: RouterWindow & { hash: string } = {
    hash,
    get location() { return { hash: win.hash }; },
    history: { pushState: (_d, _u, url) => void (win.hash = url), replaceState: (_d, _u, url) => void (win.hash = url) },
    addEventListener: (_t, l) => void listeners.push(l),
  };
  const router = new Router(win);
  const opened: [string, number | null][] = [];
  const searched: string[] = [];
  const state = { openId: null as string | null, list: projects, busy };
  const nav = new Navigation({
    router,
    projects: { get openId() { return state.openId; }, list: projects, openCue: async (id, cue) => { opened.push([id, cue]); state.openId = id; } },
    search: async (q) => void searched.push(q),
    busy: () => state.busy,
  });
  return { router, nav, win, opened, searched, state };
}

describe('Navigation', () => {
  it('picks Projects as home once a project exists, else New', () => {
    const some = setup('');
    some.nav.start();
    expect(some.win.hash).toBe('#/projects');
    const none = setup('', []);
    none.nav.start();
    expect(none.win.hash).toBe('#/new');
  });

  it('opens the project an address names, at its cue, on load and on navigation', async () => {
    const s = setup('#/editor/a?cue=4');
    s.nav.start();
    s.router.go(route.editor('b'));
    await Promise.resolve();
    expect(s.opened).toEqual([['a', 3], ['b', null]]);
  });

  it('searches what a projects address asks for', async () => {
    const s = setup('');
    s.router.go(route.projects('zebra'));
    await Promise.resolve();
    expect(s.searched).toEqual(['zebra']);
  });

  it('leaves the running transcription open and lets the address follow the open project', async () => {
    const s = setup('#/editor');
    s.state.openId = 'a';
    s.state.busy = true;
    s.router.go(route.editor('b'));
    await Promise.resolve();
    expect(s.opened).toEqual([]);
    s.nav.follow();
    expect(s.win.hash).toBe('#/editor/a');
  });
});
