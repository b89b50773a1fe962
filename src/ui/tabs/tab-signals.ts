import type { QueueCommand, QueueView } from './queue-signals.ts';

/**
 * What one tab tells the others about the projects and the queue (a BroadcastChannel): each a
 * frozen message with a `type`; a tab never hears its own.
 */
export type TabSignal =
  /** Another tab asks the one editing `projectId` to let go of it (a person clicked "Open here instead"). */
  | { readonly type: 'hand-over'; readonly projectId: string }
  /** Entries of `projectId` were saved: tabs showing it read-only load them. */
  | { readonly type: 'saved'; readonly projectId: string }
  /** `projectId` was deleted: tabs showing it close it. */
  | { readonly type: 'deleted'; readonly projectId: string }
  /** Another tab renamed `projectId`: the tab editing it keeps the name in what it writes next. */
  | { readonly type: 'renamed'; readonly projectId: string; readonly name: string }
  /** The project list changed (a rename, a new project, a status). */
  | { readonly type: 'listed' }
  /** The queue as the tab running it sees it (items, and the running file's progress). */
  | { readonly type: 'queue'; readonly view: QueueView }
  /** A tab that does not run the queue asks the one that does to act on it. */
  | { readonly type: 'queue-command'; readonly command: QueueCommand };

export type TabSignalType = TabSignal['type'];
export type SignalOf<T extends TabSignalType> = Extract<TabSignal, { type: T }>;

/** The channel's part signals need (a BroadcastChannel, or a memory one in specs). */
export interface SignalPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface TabSignals {
  post(signal: TabSignal): void;
  /** Calls `listener` for each signal of `type` from another tab; returns the unsubscribe. */
  on<T extends TabSignalType>(type: T, listener: (signal: SignalOf<T>) => void): () => void;
}

export const TAB_CHANNEL = 'whisper-studio-tabs';

export function tabSignals(port: SignalPort): TabSignals {
  return {
    post: (signal) => port.postMessage(Object.freeze(signal)),
    on(type, listener) {
      const handle = (event: MessageEvent): void => {
        const data = event.data as TabSignal | null;
        if (data && data.type === type) listener(data as SignalOf<typeof type>);
      };
      port.addEventListener('message', handle);
      return () => port.removeEventListener('message', handle);
    },
  };
}
