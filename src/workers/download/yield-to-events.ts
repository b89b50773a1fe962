/**
 * A promise that settles on a fresh macrotask, so messages queued meanwhile (an abort) are handled.
 * Microtask-only loops over buffered stream data never let them in. Uses MessageChannel because
 * setTimeout(0) is clamped to 4 ms when nested.
 */
export function createYielder(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}
