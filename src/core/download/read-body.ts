import type { StallGuard } from './stall-guard.ts';

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
      yield next.value;
    }
  } finally {
    // Stopping early (abort, stall, disk error) must also stop the network transfer.
    await reader.cancel().catch(() => undefined);
  }
}
