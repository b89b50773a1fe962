import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHubDouble, type HubDouble } from './server.ts';
import { syntheticFile, syntheticRepo } from './synthetic-repo.ts';

const SIZE = 300_000;
let hub: HubDouble;
const repo = syntheticRepo({
  id: 'test/small',
  files: [syntheticFile('config.json', 500, false), syntheticFile('onnx/model.onnx', SIZE), ...Array.from({ length: 4 }, (_, i) => syntheticFile(`extra/${i}.json`, 10, false))],
});
const gated = syntheticRepo({ id: 'test/gated', gated: true, files: [syntheticFile('onnx/model.onnx', 1000)] });

beforeAll(async () => {
  hub = await startHubDouble({ repos: [repo, gated], pageSize: 3 });
});
afterAll(() => hub.close());
beforeEach(() => {
  hub.faults.reset();
  hub.log.length = 0;
});

const resolveUrl = (id: string, path: string): string => `${hub.hubUrl}/${id}/resolve/main/${path}`;
const sha256 = (bytes: ArrayBuffer): string => createHash('sha256').update(Buffer.from(bytes)).digest('hex');

async function tree(): Promise<{ path: string; size: number; lfs?: { oid: string } }[]> {
  const entries = [];
  let url: string | undefined = `${hub.hubUrl}/api/models/test/small/tree/main?recursive=true`;
  while (url) {
    const res: Response = await fetch(url);
    entries.push(...((await res.json()) as { path: string; size: number }[]));
    url = res.headers.get('link')?.match(/<([^>]+)>; rel="next"/)?.[1];
  }
  return entries;
}

describe('tree and revision API', () => {
  it('pages the recursive listing with Link and gives LFS sha256 that matches the bytes', async () => {
    const entries = await tree();
    expect(entries.map((e) => e.path)).toContain('onnx/model.onnx');
    expect(entries.filter((e) => e.path === 'extra')).toHaveLength(1);
    const lfs = entries.find((e) => e.path === 'onnx/model.onnx')!;
    const body = await (await fetch(resolveUrl('test/small', 'onnx/model.onnx'))).arrayBuffer();
    expect(lfs.lfs?.oid).toBe(sha256(body));
    expect(hub.log.filter((r) => r.url.includes('/tree/')).length).toBeGreaterThan(1);
  });

  it('resolves a branch to its commit', async () => {
    const info = (await (await fetch(`${hub.hubUrl}/api/models/test/small/revision/main`)).json()) as { sha: string };
    expect(info.sha).toBe(repo.sha);
    expect((await fetch(`${hub.hubUrl}/api/models/test/small/revision/nope`)).headers.get('x-error-code')).toBe('RevisionNotFound');
  });
});

describe('resolve', () => {
  it('serves small files directly and redirects LFS files to a second origin with linked headers', async () => {
    const small = await fetch(resolveUrl('test/small', 'config.json'));
    expect(small.status).toBe(200);
    const redirect = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location')!);
    expect(location.origin).toBe(hub.cdnUrl);
    expect(location.origin).not.toBe(hub.hubUrl);
    expect(redirect.headers.get('x-linked-size')).toBe(String(SIZE));
    expect(redirect.headers.get('x-repo-commit')).toBe(repo.sha);
  });

  it('answers Range with 206 and Content-Range, 416 past the end, and ignores a stale If-Range', async () => {
    const whole = await (await fetch(resolveUrl('test/small', 'onnx/model.onnx'))).arrayBuffer();
    const part = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { headers: { Range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${SIZE}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(Buffer.from(whole.slice(1000, 2000)));
    const past = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { headers: { Range: `bytes=${SIZE}-` } });
    expect(past.status).toBe(416);
    const stale = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { headers: { Range: 'bytes=10-', 'If-Range': '"other"' } });
    expect(stale.status).toBe(200);
  });

  it('answers CORS preflights on both origins, as browsers need for Range, If-Range and Authorization', async () => {
    const location = (await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { redirect: 'manual' })).headers.get('location')!;
    for (const url of [resolveUrl('test/small', 'onnx/model.onnx'), location]) {
      const res = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,if-range,range' } });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-headers')).toBe('authorization,if-range,range');
    }
  });

  it('says EntryNotFound for a missing file', async () => {
    const res = await fetch(resolveUrl('test/small', 'nope.json'));
    expect(res.status).toBe(404);
    expect(res.headers.get('x-error-code')).toBe('EntryNotFound');
  });

  it('gates files: 401 without a token, 403 without access, 200 with access; the CDN never sees the token', async () => {
    expect((await fetch(resolveUrl('test/gated', 'onnx/model.onnx'))).status).toBe(401);
    const noAccess = await fetch(resolveUrl('test/gated', 'onnx/model.onnx'), { headers: { Authorization: 'Bearer hf_double_no_access' } });
    expect(noAccess.status).toBe(403);
    const ok = await fetch(resolveUrl('test/gated', 'onnx/model.onnx'), { headers: { Authorization: 'Bearer hf_double_has_access' } });
    expect(ok.status).toBe(200);
    expect(hub.log.filter((r) => r.server === 'cdn').every((r) => !r.authorization)).toBe(true);
    expect(hub.log.filter((r) => r.server === 'hub').some((r) => r.authorization)).toBe(true);
  });
});

describe('faults', () => {
  it('drops the connection at a file offset, once', async () => {
    hub.faults.add({ kind: 'drop', atByte: 100_000 }, Date.now());
    const res = await fetch(resolveUrl('test/small', 'onnx/model.onnx'));
    await expect(res.arrayBuffer()).rejects.toThrow();
    const again = await fetch(resolveUrl('test/small', 'onnx/model.onnx'));
    expect((await again.arrayBuffer()).byteLength).toBe(SIZE);
  });

  it('answers 500 once, and 429 with Retry-After', async () => {
    hub.faults.add({ kind: 'status', status: 500 }, Date.now());
    hub.faults.add({ kind: 'status', status: 429, retryAfter: 7 }, Date.now());
    expect((await fetch(resolveUrl('test/small', 'config.json'))).status).toBe(500);
    const limited = await fetch(resolveUrl('test/small', 'config.json'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await fetch(resolveUrl('test/small', 'config.json'))).status).toBe(200);
  });

  it('flips a byte so the sha256 no longer matches', async () => {
    const clean = sha256(await (await fetch(resolveUrl('test/small', 'onnx/model.onnx'))).arrayBuffer());
    hub.faults.add({ kind: 'corrupt', path: 'onnx/model.onnx', atByte: 12345 }, Date.now());
    const dirty = sha256(await (await fetch(resolveUrl('test/small', 'onnx/model.onnx'))).arrayBuffer());
    expect(dirty).not.toBe(clean);
  });

  it('flips a byte only once `after` responses carried it intact (a re-fetch that goes wrong)', async () => {
    hub.faults.add({ kind: 'corrupt', path: 'onnx/model.onnx', atByte: 12345, after: 1 }, Date.now());
    const first = sha256(await (await fetch(resolveUrl('test/small', 'onnx/model.onnx'))).arrayBuffer());
    const second = sha256(await (await fetch(resolveUrl('test/small', 'onnx/model.onnx'))).arrayBuffer());
    expect(first).toBe(await repo.files.find((f) => f.path === 'onnx/model.onnx')!.sha256());
    expect(second).not.toBe(first);
  });

  it('serves a file at another size than its listing: longer with zeros, or shorter', async () => {
    hub.faults.add({ kind: 'resize', path: 'onnx/model.onnx', by: 100 }, Date.now());
    const longer = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { headers: { Range: `bytes=${SIZE - 10}-` } });
    expect(longer.headers.get('content-range')).toBe(`bytes ${SIZE - 10}-${SIZE + 99}/${SIZE + 100}`);
    expect(new Uint8Array(await longer.arrayBuffer()).subarray(10).every((b) => b === 0)).toBe(true);
    hub.faults.reset();
    hub.faults.add({ kind: 'resize', path: 'onnx/model.onnx', by: -100 }, Date.now());
    expect((await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { headers: { Range: `bytes=${SIZE - 50}-` } })).status).toBe(416);
  });

  it('hides the rate-limit headers from pages, as the hub does, when asked', async () => {
    hub.faults.add({ kind: 'hide-rate-limits' }, Date.now());
    const res = await fetch(resolveUrl('test/small', 'config.json'));
    expect(res.headers.get('access-control-expose-headers')).not.toMatch(/Retry-After|RateLimit/);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Content-Range/);
  });

  it('expires presigned URLs so a client must ask resolve again', async () => {
    const redirect = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { redirect: 'manual' });
    const location = redirect.headers.get('location')!;
    expect((await fetch(location, { headers: { Range: 'bytes=0-0' } })).status).toBe(206);
    hub.faults.add({ kind: 'expire-urls' }, Date.now());
    const expired = await fetch(location);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    expect((await fetch(resolveUrl('test/small', 'onnx/model.onnx'))).status).toBe(200);
  });

  it('throttles bodies', async () => {
    hub.faults.add({ kind: 'throttle', bytesPerSecond: 1_000_000 }, Date.now());
    const started = performance.now();
    await (await fetch(resolveUrl('test/small', 'onnx/model.onnx'))).arrayBuffer();
    expect(performance.now() - started).toBeGreaterThan(200);
  });

  it('answers 503 with Retry-After as an HTTP-date a few seconds ahead', async () => {
    hub.faults.add({ kind: 'status', status: 503, retryAfterDateIn: 3 }, Date.now());
    const res = await fetch(resolveUrl('test/small', 'config.json'));
    expect(res.status).toBe(503);
    const wait = Date.parse(res.headers.get('retry-after') ?? '') - Date.now();
    expect(wait).toBeGreaterThan(1000);
    expect(wait).toBeLessThanOrEqual(3000);
  });

  it('stalls mid-body with the socket open until the client gives up', async () => {
    hub.faults.add({ kind: 'stall', path: 'onnx/model.onnx', atByte: 100_000 }, Date.now());
    const res = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { signal: AbortSignal.timeout(800) });
    const reader = res.body!.getReader();
    let received = 0;
    await expect(
      (async () => {
        for (;;) {
          const next = await reader.read();
          if (next.done) return;
          received += next.value.byteLength;
        }
      })(),
    ).rejects.toThrow();
    expect(received).toBe(100_000);
  });

  it('never answers a stalled tree API call', async () => {
    hub.faults.add({ kind: 'stall-api', api: 'tree' }, Date.now());
    await expect(fetch(`${hub.hubUrl}/api/models/test/small/tree/main`, { signal: AbortSignal.timeout(500) })).rejects.toThrow();
    expect((await fetch(`${hub.hubUrl}/api/models/test/small/tree/main`)).status).toBe(200);
  });

  it('truncates a body cleanly, answers a range with 200, with less than asked, or with 206 at the wrong start', async () => {
    hub.faults.add({ kind: 'truncate', path: 'onnx/model.onnx', atByte: 1000 }, Date.now());
    const short = await fetch(resolveUrl('test/small', 'onnx/model.onnx'));
    expect(short.headers.get('content-length')).toBeNull();
    expect((await short.arrayBuffer()).byteLength).toBe(1000);
    hub.faults.add({ kind: 'ignore-range', path: 'onnx/model.onnx' }, Date.now());
    const whole = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { headers: { Range: 'bytes=500-' } });
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(SIZE);
    hub.faults.add({ kind: 'cap-range', path: 'onnx/model.onnx', bytes: 1000 }, Date.now());
    const capped = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { headers: { Range: 'bytes=500-' } });
    expect(capped.headers.get('content-range')).toBe(`bytes 500-1499/${SIZE}`);
    expect((await capped.arrayBuffer()).byteLength).toBe(1000);
    hub.faults.add({ kind: 'wrong-start', path: 'onnx/model.onnx', shift: -100 }, Date.now());
    const off = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { headers: { Range: 'bytes=500-' } });
    expect(off.status).toBe(206);
    expect(off.headers.get('content-range')).toBe(`bytes 400-${SIZE - 1}/${SIZE}`);
    await off.arrayBuffer();
  });

  it('a strict CDN refuses preflight and exposes no headers, and the log shows the OPTIONS', async () => {
    hub.faults.add({ kind: 'strict-cdn' }, Date.now());
    const redirect = await fetch(resolveUrl('test/small', 'onnx/model.onnx'), { redirect: 'manual' });
    const location = redirect.headers.get('location')!;
    const preflight = await fetch(location, { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'GET', Origin: 'http://app.test' } });
    expect(preflight.status).toBe(403);
    const get = await fetch(location, { headers: { Range: 'bytes=10-' } });
    expect(get.status).toBe(206);
    expect(get.headers.get('access-control-expose-headers')).toBeNull();
    await get.arrayBuffer();
    expect(hub.log.filter((r) => r.server === 'cdn' && r.method === 'OPTIONS')).toHaveLength(1);
  });

  it('publishes a second commit with one changed file; the old commit stays reachable by sha', async () => {
    const sha = hub.history.publish('test/small', 'config.json', '{"changed": true}');
    const info = (await (await fetch(`${hub.hubUrl}/api/models/test/small/revision/main`)).json()) as { sha: string };
    expect(info.sha).toBe(sha);
    expect(await (await fetch(`${hub.hubUrl}/test/small/resolve/${sha}/config.json`)).text()).toBe('{"changed": true}');
    expect((await (await fetch(`${hub.hubUrl}/test/small/resolve/${repo.sha}/config.json`)).arrayBuffer()).byteLength).toBe(500);
    hub.history.reset();
    expect(((await (await fetch(`${hub.hubUrl}/api/models/test/small/revision/main`)).json()) as { sha: string }).sha).toBe(repo.sha);
  });
});
