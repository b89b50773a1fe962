import { describe, expect, it } from 'vitest';
import { parseRoute, route, routeHash } from './route.ts';

describe('routes', () => {
  it('reads every view from its fragment and writes it back the same', () => {
    for (const hash of ['#/projects', '#/projects?q=zebra%20crossing', '#/editor', '#/editor/abc-1', '#/editor/abc-1?cue=3', '#/new', '#/live', '#/models', '#/settings']) {
      const parsed = parseRoute(hash);
      expect(parsed, hash).not.toBeNull();
      expect(routeHash(parsed!)).toBe(hash);
    }
  });

  it('numbers cues from 1 in the address and from 0 in the app', () => {
    expect(parseRoute('#/editor/p?cue=1')).toEqual(route.editor('p', 0));
    expect(routeHash(route.editor('p', 4))).toBe('#/editor/p?cue=5');
  });

  it('keeps an id with characters that need escaping', () => {
    const r = route.editor('a/b c', null);
    expect(parseRoute(routeHash(r))).toEqual(r);
  });

  it('gives null for an empty, unknown or malformed fragment, and ignores a bad cue', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/new/extra', '#/editor/a/b', '#/models/x']) expect(parseRoute(hash), hash).toBeNull();
    expect(parseRoute('#/editor/p?cue=0')).toEqual(route.editor('p', null));
    expect(parseRoute('#/editor/p?cue=two')).toEqual(route.editor('p', null));
  });

  it('returns frozen routes', () => {
    expect(Object.isFrozen(parseRoute('#/projects'))).toBe(true);
  });
});
