import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultTable } from './faults.ts';
import { parseRange } from '../../src/core/http/parse-range.ts';
import type { HubFile } from './repo-types.ts';
import { sendBody } from './send-body.ts';

/** Answer GET/HEAD for a file's bytes: 200, 206 with Content-Range, 416, honouring If-Range. */
export async function serveBytes(
  req: IncomingMessage,
  res: ServerResponse,
  file: HubFile,
  etag: string,
  faults: FaultTable,
): Promise<void> {
  const ifRange = req.headers['if-range'];
  const rangeHeader = ifRange === undefined || ifRange === etag ? req.headers.range : undefined;
  const range = parseRange(rangeHeader, file.size);
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
  res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
  if (req.method === 'HEAD' || file.size === 0) return void res.end();
  await sendBody(res, file, start, end, faults);
}
