import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultTable } from './faults.ts';
import { parseRange, type RangeResult } from '../../src/core/http/parse-range.ts';
import type { HubFile } from './repo-types.ts';
import { resizedFile } from './resized-file.ts';
import { sendBody } from './send-body.ts';

/** The range to answer, with the table's range faults applied: Range ignored, or a start that is off. */
function chooseRange(req: IncomingMessage, file: HubFile, etag: string, faults: FaultTable): RangeResult {
  const ifRange = req.headers['if-range'];
  const rangeHeader = ifRange === undefined || ifRange === etag ? req.headers.range : undefined;
  const range = parseRange(rangeHeader, file.size);
  if (range.kind !== 'partial') return range;
  if (faults.takeIgnoreRange(file.path)) return { kind: 'none' };
  const shift = faults.takeWrongStart(file.path, range.start);
  const start = Math.min(file.size - 1, Math.max(0, range.start + shift));
  const cap = faults.takeCap(file.path);
  const end = cap === null ? range.end : Math.min(range.end, start + cap - 1);
  return shift === 0 && end === range.end ? range : { ...range, start, end };
}

/** Answer GET/HEAD for a file's bytes: 200, 206 with Content-Range, 416, honouring If-Range. */
export async function serveBytes(
  req: IncomingMessage,
  res: ServerResponse,
  listed: HubFile,
  etag: string,
  faults: FaultTable,
): Promise<void> {
  const by = faults.resizedBy(listed.path);
  const file = by === 0 ? listed : resizedFile(listed, by);
  const range = chooseRange(req, file, etag, faults);
  res.setHeader('ETag', etag);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Last-Modified', 'Mon, 01 Jan 2024 00:00:00 GMT');
  if (range.kind === 'unsatisfiable') {
    res.statusCode = 416;
    res.setHeader('Content-Range', `bytes */${file.size}`);
    return void res.end();
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, file.size - 1];
  res.statusCode = range.kind === 'partial' ? 206 : 200;
  if (range.kind === 'partial') res.setHeader('Content-Range', `bytes ${start}-${end}/${file.size}`);
  const cut = req.method === 'HEAD' ? null : faults.takeCut(file.path, start, end);
  // A truncated body is sent chunked: without a length the client cannot tell it is short.
  if (cut?.kind !== 'truncate') res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
  if (req.method === 'HEAD' || file.size === 0) return void res.end();
  await sendBody(res, file, start, end, faults, cut);
}
