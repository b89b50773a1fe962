import { describe, expect, it } from 'vitest';
import { route } from '../../core/shell/route.ts';
import { Router, type RouterWindow } from './router.svelte.ts';

/** A window whose history behaves as a browser's: pushState moves no event, Back fires `hashchange`. */
function fakeWindow(hash = '') {
  const entries = [hash];
  let at = 0;
  const listeners: (() => void)[] = [];
  const win: RouterWindow & { back(): void; pushes(): number } = {
    location: { get hash() { return entries[at]; } },
    history: {
      pushState: (_d, _u, url) => void entries.splice(++at, entries.length, url),
      replaceState: (_d, _u, url) => void (entries[at] = url),
    },
    addEventListener: (_type, listener) => void listeners.push(listener),
    back() { at -= 1; listeners.forEach((l) => l()); },
    pushes: () => entries.length,
  };
  return win;
}

describe('Router', () => {
  it('starts on the view its address names, or none', () => {
    expect(new Router(fakeWindow('#/models')).route).toEqual(route.plain('models'));
    expect(new Router(fakeWindow('')).route).toBeNull();
  });

  it('go adds a history entry and tells of it; Back returns and tells again', () => {
    const win = fakeWindow('#/projects');
    const router = new Router(win);
    const seen: string[] = [];
    router.on('navigate', (r) => seen.push(r.view));
    router.go(route.editor('p1', 2));
    expect(win.location.hash).toBe('#/editor/p1?cue=3');
    win.back();
    expect(router.route).toEqual(route.projects());
    expect(seen).toEqual(['editor', 'projects']);
  });

  it('replace corrects the address without an entry or an event', () => {
    const win = fakeWindow('#/editor');
    const router = new Router(win);
    let told = 0;
    router.on('navigate', () => told++);
    router.replace(route.editor('p1'));
    expect([win.location.hash, win.pushes(), told]).toEqual(['#/editor/p1', 1, 0]);
  });
});
