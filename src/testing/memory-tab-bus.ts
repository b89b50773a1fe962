import type { SignalPort } from '../ui/tabs/tab-signals.ts';

type Listener = (event: MessageEvent) => void;

/** BroadcastChannel between tabs, in memory for specs: a message reaches every other port, a task later. */
export class MemoryTabBus {
  readonly #ports = new Set<Set<Listener>>();

  port(): SignalPort {
    const listeners = new Set<Listener>();
    this.#ports.add(listeners);
    return {
      postMessage: (message) => {
        const copy = structuredClone(message);
        for (const other of this.#ports) if (other !== listeners) for (const l of other) setTimeout(() => l({ data: copy } as MessageEvent));
      },
      addEventListener: (_type, listener) => void listeners.add(listener),
      removeEventListener: (_type, listener) => void listeners.delete(listener),
    };
  }
}
