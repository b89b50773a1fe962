/** The part of a Worker or BroadcastChannel the UI state uses, so specs can pass a fake. */
export interface Port<Out, In> {
  postMessage(message: Out): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
}

/** A job's worker as the UI state uses it: messages both ways, failure events, terminate to cancel. */
export interface JobWorker<Out, In> {
  postMessage(message: Out, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
  /** A worker that failed to load or crashed; `messageerror`: a message that could not be read. */
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}
