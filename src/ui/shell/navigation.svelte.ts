import { route, type Route } from '../../core/shell/route.ts';
import type { Router } from './router.svelte.ts';

export interface NavigationDeps {
  readonly router: Router;
  /** The open project, and opening one at a cue. */
  readonly projects: { readonly openId: string | null; readonly list: readonly unknown[]; openCue(id: string, cue: number | null): Promise<void> };
  readonly search: (query: string) => Promise<void>;
  /** A transcription writes into the open project: no other opens until it ends. */
  readonly busy: () => boolean;
}

/**
 * What an address means for the document: an editor address opens its project (at its cue), a
 * projects address with a query searches; and the editor's address follows the open project when a
 * transcription or the queue opens another. The home is Projects once one exists, else New.
 */
export class Navigation {
  readonly #deps: NavigationDeps;
  /** The project an address asked for while it opens: the address is not corrected meanwhile. */
  #opening = $state<string | null>(null);

  constructor(deps: NavigationDeps) {
    this.#deps = deps;
    deps.router.on('navigate', (to) => void this.#arrive(to));
  }

  /** The first view, once the projects are known: the address's, or the home. */
  start(): void {
    const at = this.#deps.router.route;
    if (at) void this.#arrive(at);
    else this.#deps.router.replace(this.#deps.projects.list.length > 0 ? route.projects() : route.plain('new'));
  }

  /** The editor's address names the project on screen. */
  follow(): void {
    const { router, projects } = this.#deps;
    const at = router.route;
    if (at?.view !== 'editor' || this.#opening !== null || !projects.openId || at.project === projects.openId) return;
    router.replace(route.editor(projects.openId));
  }

  async #arrive(to: Route): Promise<void> {
    const { projects, busy } = this.#deps;
    if (to.view === 'projects' && to.query) await this.#deps.search(to.query);
    if (to.view !== 'editor' || !to.project) return;
    if (busy() && to.project !== projects.openId) return; // the running transcription's project stays; `follow` says which
    this.#opening = to.project;
    try {
      await projects.openCue(to.project, to.cue);
    } catch {
      // gone (deleted elsewhere) or unreadable: the editor shows what is open
    } finally {
      this.#opening = null;
    }
  }
}
