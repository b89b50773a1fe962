/** Listeners by event name, each event with its own payload type (the way wavesurfer types its events). */
export type EventMap = Record<string, unknown>;

/**
 * Typed events with any number of listeners: `on()` returns what unsubscribes, so a listener's
 * owner removes exactly its own (no single slot another caller overwrites).
 */
export class Emitter<Events extends EventMap> {
  readonly #listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, set);
    set.add(listener);
    return () => void set.delete(listener);
  }

  /** Once, then unsubscribed. */
  once<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    const off = this.on(event, (payload) => {
      off();
      listener(payload);
    });
    return off;
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) (listener as (payload: Events[K]) => void)(payload);
  }
}
