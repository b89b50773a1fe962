/** Something that holds a model in memory until disposed (a transformers.js pipeline: its ONNX sessions). */
export interface Disposable {
  dispose(): Promise<unknown>;
}

export interface ModelCache<T> {
  get(key: string): Promise<T>;
  /** Models loaded and not yet disposed: what this worker holds now. */
  readonly inMemory: number;
}

/**
 * Keeps one loaded model: asking for another disposes the previous one first (its ONNX sessions
 * released before the next loads), so switching tiny → small → medium in one tab never holds two.
 * A failed load is forgotten.
 */
export function singleModelCache<T extends Disposable>(load: (key: string) => Promise<T>): ModelCache<T> {
  let current: { key: string; ready: Promise<T> } | null = null;
  let inMemory = 0;
  const release = (previous: Promise<T>): Promise<void> =>
    previous.then(async (model) => {
      await model.dispose();
      inMemory -= 1;
    }).catch(() => undefined);
  return {
    get(key) {
      if (current?.key === key) return current.ready;
      const released = current ? release(current.ready) : Promise.resolve();
      const ready = released.then(() => load(key)).then((model) => ((inMemory += 1), model));
      current = { key, ready };
      ready.catch(() => {
        if (current?.ready === ready) current = null;
      });
      return ready;
    },
    get inMemory() {
      return inMemory;
    },
  };
}
