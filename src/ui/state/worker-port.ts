/** The part of a Worker or BroadcastChannel the UI state uses, so specs can pass a fake. */
export interface Port<Out, In> {
  postMessage(message: Out): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
}
