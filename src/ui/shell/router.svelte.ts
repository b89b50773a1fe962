import { parseRoute, routeHash, type Route } from '../../core/shell/route.ts';
import { Emitter } from '../../core/util/emitter.ts';

/** What the router needs of the window: its address, its history and its `hashchange`. */
export interface RouterWindow {
  readonly location: { readonly hash: string };
  readonly history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
}

export interface RouterEvents extends Record<string, unknown> {
  /** A person went somewhere: a link, Back, Forward, a typed address, or `go()`. Not `replace()`. */
  navigate: Route;
}

/**
 * The view on screen and its address. `go` adds a history entry (Back returns), `replace` corrects
 * the address in place (a home picked for an empty fragment, an editor address naming its project).
 */
export class Router extends Emitter<RouterEvents> {
  route = $state.raw<Route | null>(null);
  readonly #window: RouterWindow;

  constructor(win: RouterWindow) {
    super();
    this.#window = win;
    this.route = parseRoute(win.location.hash);
    win.addEventListener('hashchange', () => this.#arrive(parseRoute(win.location.hash)));
  }

  go(to: Route): void {
    if (routeHash(to) === this.#window.location.hash) return this.#arrive(to);
    this.#window.history.pushState(null, '', routeHash(to));
    this.#arrive(to);
  }

  replace(to: Route): void {
    this.#window.history.replaceState(null, '', routeHash(to));
    this.route = to;
  }

  #arrive(to: Route | null): void {
    this.route = to;
    if (to) this.emit('navigate', to);
  }
}
