/**
 * The app's views and their addresses. Addresses live in the fragment (`#/editor/<id>?cue=3`):
 * any static host serves the one page for every view, and the service worker's precache answers
 * it offline, with no rewrite rules on the server.
 */
export type View = 'projects' | 'editor' | 'new' | 'live' | 'models' | 'settings';

export type Route =
  | { readonly view: 'projects'; readonly query: string }
  | { readonly view: 'editor'; readonly project: string | null; readonly cue: number | null }
  | { readonly view: 'new' | 'live' | 'models' | 'settings' };

const PLAIN = new Set<View>(['new', 'live', 'models', 'settings']);

export const route = {
  projects: (query = ''): Route => Object.freeze({ view: 'projects', query }),
  editor: (project: string | null = null, cue: number | null = null): Route => Object.freeze({ view: 'editor', project, cue }),
  plain: (view: 'new' | 'live' | 'models' | 'settings'): Route => Object.freeze({ view }),
};

/** The route a fragment names, or null for an empty or unknown one (the app picks its home). */
export function parseRoute(hash: string): Route | null {
  const [path, search = ''] = hash.replace(/^#/, '').split('?', 2);
  const [view, id, ...rest] = path.split('/').filter(Boolean);
  const params = new URLSearchParams(search);
  if (rest.length > 0) return null;
  if (view === 'projects' && !id) return route.projects(params.get('q') ?? '');
  if (view === 'editor') return route.editor(id ? decodeURIComponent(id) : null, cueParam(params.get('cue')));
  if (PLAIN.has(view as View) && !id) return route.plain(view as 'new' | 'live' | 'models' | 'settings');
  return null;
}

/** 1-based in the address, as the cue list numbers cues; 0-based in the app. */
function cueParam(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 ? n - 1 : null;
}

/** The fragment for a route. */
export function routeHash(r: Route): string {
  if (r.view === 'projects') return r.query ? `#/projects?q=${encodeURIComponent(r.query)}` : '#/projects';
  if (r.view === 'editor') return `#/editor${r.project ? `/${encodeURIComponent(r.project)}` : ''}${r.cue !== null && r.project ? `?cue=${r.cue + 1}` : ''}`;
  return `#/${r.view}`;
}
