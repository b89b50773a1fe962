import { Readable } from 'node:stream';
import type { HubFile } from './repo-types.ts';

/** The file as a broken mirror or a repo caught mid-update serves it: `by` bytes longer (zeros after it) or shorter than listed. */
export function resizedFile(file: HubFile, by: number): HubFile {
  const size = Math.max(0, file.size + by);
  return {
    ...file,
    size,
    open(start, end) {
      const real = Math.min(end, file.size - 1);
      const head = start <= real ? file.open(start, real) : Readable.from([]);
      const zeros = end > real ? Buffer.alloc(end - Math.max(start, real + 1) + 1) : null;
      return zeros ? Readable.from((async function* () { yield* head; yield zeros; })()) : head;
    },
  };
}
