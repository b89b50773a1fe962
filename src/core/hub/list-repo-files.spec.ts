import { describe, expect, it } from 'vitest';
import { json, routeFetch } from '../../testing/route-fetch.ts';
import { StudioError } from '../errors.ts';
import { listRepoFiles } from './list-repo-files.ts';
import { resolveCommit } from './resolve-commit.ts';

const HUB = 'https://hub.test';
const tree = /^GET \/api\/models\/o\/m\/tree\/main\?recursive=true/;

describe('listRepoFiles', () => {
  it('follows Link paging, drops directories and keeps LFS sha256', async () => {
    const fetch = routeFetch([
      [/cursor=2/, () => json([{ type: 'file', path: 'a.json', size: 3, oid: 'g2' }])],
      [
        tree,
        () =>
          json(
            [
              { type: 'directory', path: 'onnx', size: 0, oid: 'd' },
              { type: 'file', path: 'onnx/m.onnx', size: 10, oid: 'g1', lfs: { oid: 'abc', size: 10, pointerSize: 130 } },
            ],
            { headers: { Link: `<${HUB}/api/models/o/m/tree/main?recursive=true&cursor=2>; rel="next"` } },
          ),
      ],
    ]);
    const files = await listRepoFiles({ repo: 'o/m', revision: 'main', hubUrl: HUB, fetch });
    expect(files).toEqual([
      { path: 'a.json', size: 3, oid: 'g2', sha256: null },
      { path: 'onnx/m.onnx', size: 10, oid: 'g1', sha256: 'abc' },
    ]);
  });

  it('a 429 while reading the file list says to wait and try again, not to press Resume (nothing is downloading)', async () => {
    const limited = routeFetch([[tree, () => json({ error: 'Too many requests' }, { status: 429 })]]);
    const error = (await listRepoFiles({ repo: 'o/m', revision: 'main', hubUrl: HUB, fetch: limited }).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('rate-limited');
    expect(error.message).toContain('Wait a few minutes, then try again');
    expect(error.message).not.toContain('Resume');
  });

  it('names the repo and the fix for a gated repo and for a missing one', async () => {
    const gated = routeFetch([[tree, () => json({ error: 'Access to model o/m is restricted.' }, { status: 401 })]]);
    const error = await listRepoFiles({ repo: 'o/m', revision: 'main', hubUrl: HUB, fetch: gated }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('gated');
    expect((error as StudioError).message).toContain('o/m is a gated model');

    const missing = routeFetch([[tree, () => json({ error: 'Repository Not Found' }, { status: 401 })]]);
    await expect(listRepoFiles({ repo: 'o/m', revision: 'main', hubUrl: HUB, fetch: missing })).rejects.toThrow('o/m was not found');
  });

  it('reports an unreachable hub as a network error that points at the endpoint setting', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(listRepoFiles({ repo: 'o/m', revision: 'main', hubUrl: HUB, fetch: down })).rejects.toThrow(/hub endpoint in Settings/);
  });
});

describe('resolveCommit', () => {
  it('returns the commit sha and sends the token to the hub only as a header', async () => {
    const calls: Request[] = [];
    const fetch = routeFetch([[/^GET \/api\/models\/o\/m\/revision\/main\?/, () => json({ _id: 'x', id: 'o/m', sha: 'c0ffee' })]], calls);
    expect(await resolveCommit({ repo: 'o/m', revision: 'main', hubUrl: HUB, fetch, accessToken: 'hf_secret' })).toBe('c0ffee');
    expect(calls[0].headers.get('authorization')).toBe('Bearer hf_secret');
    expect(calls[0].url).not.toContain('hf_secret');
  });
});
