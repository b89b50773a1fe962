/** Something that holds a model in memory until disposed (a transformers.js pipeline: its ONNX sessions). */
export interface Disposable {
  dispose(): Promise<unknown>;
}

/**
 * Keeps one loaded model: asking for another disposes the previous one (once it finished loading),
 * so switching tiny → small → medium in one tab never holds all three. A failed load is forgotten.
 */
export function singleModelCache<T extends Disposable>(load: (key: string) => Promise<T>): { get(key: string): Promise<T>; readonly size: number } {
  let current: { key: string; ready: Promise<T> } | null = null;
  return {
    get(key) {
      if (current?.key === key) return current.ready;
      const previous = current;
      const ready = load(key);
      current = { key, ready };
      ready.catch(() => {
        if (current?.ready === ready) current = null;
      });
      void previous?.ready.then((model) => model.dispose()).catch(() => undefined);
      return ready;
    },
    get size() {
      return current ? 1 : 0;
    },
  };
}
