import type { StallGuard } from './stall-guard.ts';

/** Network chunks are ~64 KiB; writing and hashing them in 1 MiB batches costs far fewer calls. */
const BATCH_BYTES = 1024 * 1024;
/** How long the chunk loop may run before it lets queued messages in. */
const YIELD_EVERY_MS = 5;

export interface Pacing {
  readonly now: () => number;
  /** Lets queued messages (an abort) run; called every few ms of the chunk loop. */
  readonly yieldToEvents?: () => Promise<void>;
}

function concat(parts: readonly Uint8Array[], bytes: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Chunks joined into batches of at least `size` bytes; what arrived before a failure is still yielded. */
export async function* batched(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let bytes = 0;
  try {
    for await (const chunk of source) {
      parts.push(chunk);
      bytes += chunk.byteLength;
      if (bytes < size) continue;
      yield concat(parts, bytes);
      [parts, bytes] = [[], 0];
    }
  } catch (error) {
    if (bytes > 0) yield concat(parts, bytes);
    throw error;
  }
  if (bytes > 0) yield concat(parts, bytes);
}

/**
 * The body's chunks, each read under the stall watchdog: a network failure or a silence longer
 * than its timeout becomes an AttemptError, so it is retried from the bytes on disk.
 */
export async function* readChunks(body: ReadableStream<Uint8Array>, guard: StallGuard): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const next = await guard.watch(reader.read());
      if (next.done) return;
      guard.received(next.value.byteLength);
      yield next.value;
    }
  } finally {
    // Stopping early (abort, stall, disk error) must also stop the network transfer.
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * A response body as 1 MiB batches, each read under the stall watchdog; between batches, every
 * few ms, queued messages (an abort) get to run, and an abort then ends the loop.
 */
export async function* bodyBatches(body: ReadableStream<Uint8Array>, guard: StallGuard, pacing: Pacing, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  let lastYield = pacing.now();
  for await (const batch of batched(readChunks(body, guard), BATCH_BYTES)) {
    yield batch;
    if (pacing.yieldToEvents && pacing.now() - lastYield >= YIELD_EVERY_MS) {
      await pacing.yieldToEvents();
      signal.throwIfAborted();
      lastYield = pacing.now();
    }
  }
}
