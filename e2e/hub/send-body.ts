import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BodyCut, FaultTable } from './faults.ts';
import type { HubFile } from './repo-types.ts';

function flip(chunk: Buffer, chunkStart: number, offsets: readonly number[]): Buffer {
  const hits = offsets.filter((o) => o >= chunkStart && o < chunkStart + chunk.length);
  if (hits.length === 0) return chunk;
  const copy = Buffer.from(chunk);
  for (const offset of hits) copy[offset - chunkStart] ^= 0xff;
  return copy;
}

/** Throttled bodies go out in pieces of ~50 ms each, waiting before each, as a slow link does. */
function paced(chunk: Buffer, bytesPerSecond: number): Buffer[] {
  if (bytesPerSecond <= 0) return [chunk];
  const size = Math.max(1024, Math.floor(bytesPerSecond / 20));
  const pieces: Buffer[] = [];
  for (let at = 0; at < chunk.length; at += size) pieces.push(chunk.subarray(at, at + size));
  return pieces;
}

async function write(res: ServerResponse, chunk: Buffer): Promise<void> {
  if (!res.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }
}

/** Hold the response open, sending nothing, until the client gives up and closes it. */
export function stallUntilClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    res.once('close', resolve);
  });
}

/** End the body after what was written: cleanly (truncate), never (stall), or by closing the socket (drop). */
async function endBody(res: ServerResponse, cut: BodyCut | null, faults: FaultTable, path: string): Promise<void> {
  if (cut === null || cut.kind === 'truncate') return void res.end();
  if (cut.kind === 'stall') {
    faults.stallStarts.push(Object.freeze({ path, atByte: cut.atByte, time: Date.now() }));
    return stallUntilClosed(res);
  }
  // Close the connection mid-body after what was written (FIN, as a server or proxy timing out
  // does): the client gets every byte sent, then a body shorter than Content-Length.
  const socket = res.socket;
  if (socket) await new Promise<void>((resolve) => socket.end(resolve));
  socket?.destroy();
}

/** The rest of a body one byte a second, until it is all sent or the client gives up and closes it. */
async function trickle(res: ServerResponse, file: HubFile, from: number, end: number): Promise<void> {
  for await (const raw of file.open(from, end)) {
    for (const byte of raw as Buffer) {
      await sleep(1000);
      if (res.destroyed) return;
      await write(res, Buffer.of(byte));
    }
  }
  res.end();
}

/**
 * Stream bytes [start, end] of a file with the table's faults applied: corruption,
 * throttling, and a cut (`serveBytes` took it from the table, as it changes the headers).
 */
export async function sendBody(res: ServerResponse, file: HubFile, start: number, end: number, faults: FaultTable, cut: BodyCut | null): Promise<void> {
  const last = cut === null ? end : cut.atByte - 1;
  const corrupt = faults.corruptOffsets(file.path, start, last);
  let at = start;
  if (last >= start) {
    for await (const raw of file.open(start, last)) {
      if (res.destroyed) return;
      const chunk = flip(raw as Buffer, at, corrupt);
      at += chunk.length;
      for (const piece of paced(chunk, faults.bytesPerSecond)) {
        if (faults.bytesPerSecond > 0) await sleep((piece.length / faults.bytesPerSecond) * 1000);
        await write(res, piece);
      }
    }
  }
  if (cut?.kind === 'trickle') {
    faults.stallStarts.push(Object.freeze({ path: file.path, atByte: cut.atByte, time: Date.now() }));
    await trickle(res, file, cut.atByte, end);
  }
  else await endBody(res, cut, faults, file.path);
}
