import type { SignalPort } from '../ui/tabs/tab-signals.ts';

type Listener = (event: MessageEvent) => void;

/**
 * BroadcastChannel between tabs, in memory for specs: a message reaches every other port, a task
 * later. Messages are handed over as they are (Node's structured clone drops a File's name).
 */
export class MemoryTabBus {
  readonly #ports = new Set<Set<Listener>>();

  port(): SignalPort {
    const listeners = new Set<Listener>();
    this.#ports.add(listeners);
    return {
      postMessage: (message) => {
        for (const other of this.#ports) if (other !== listeners) for (const l of other) setTimeout(() => l({ data: message } as MessageEvent));
      },
      addEventListener: (_type, listener) => void listeners.add(listener),
      removeEventListener: (_type, listener) => void listeners.delete(listener),
    };
  }
}
