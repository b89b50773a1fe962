import { describe, expect, it } from 'vitest';
import { syntheticFile, syntheticRepo } from '../../../e2e/hub/synthetic-repo.ts';
import { downloadHarness } from '../../testing/download-harness.ts';
import { listRepoFiles } from './list-repo-files.ts';
import { mayCarryToken, tokenFor, tokenScopedFetch } from './token-scope.ts';

const TOKEN = 'hf_double_has_access';
const json = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'].map((p) => syntheticFile(p, 300, false));
const extra = Array.from({ length: 12 }, (_, i) => syntheticFile(`extra/${i}.txt`, 10, false)); // more than a tree page (10)
const gated = syntheticRepo({ id: 'test/gated', gated: true, files: [...json, ...extra, syntheticFile('onnx/encoder_model_quantized.onnx', 200_000), syntheticFile('onnx/decoder_model_merged_quantized.onnx', 300_000)] });
const h = downloadHarness([gated]);

/** Every request as it left our code (after the token guard), routed to the double whatever host it names. */
function recordingFetch(routeTo: () => string) {
  const sent: { url: string; authorization: string | null }[] = [];
  const fetchVia: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    sent.push({ url: url.href, authorization: new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('Authorization') });
    const target = new URL(url.pathname + url.search, routeTo());
    return fetch(target, init);
  };
  return { sent, fetch: fetchVia };
}

describe('where the token may go', () => {
  it('goes to the origin it was entered for, over https; loopback may use http', () => {
    expect(mayCarryToken('https://huggingface.co/api/models/x', 'https://huggingface.co')).toBe(true);
    expect(mayCarryToken('https://cdn-lfs.hf.co/x', 'https://huggingface.co')).toBe(false);
    expect(mayCarryToken('http://mirror.example/api', 'http://mirror.example')).toBe(false);
    expect(mayCarryToken('http://127.0.0.1:5180/api', 'http://127.0.0.1:5180')).toBe(true);
    expect(mayCarryToken('http://localhost:5180/api', 'http://localhost:5180')).toBe(true);
    expect(mayCarryToken('not a url', 'https://huggingface.co')).toBe(false);
    expect(tokenFor('https://hf-mirror.example', { value: 'hf_x', origin: 'https://huggingface.co' })).toBeUndefined();
    expect(tokenFor('https://huggingface.co/', { value: 'hf_x', origin: 'https://huggingface.co' })).toBe('hf_x');
  });

  it('is never sent to a plain-http hub (not loopback): the gated model is refused', async () => {
    const { sent, fetch } = recordingFetch(() => h.hub.hubUrl);
    const error = await h.run(h.params({ repo: 'test/gated', net: { hubUrl: 'http://hub.example', accessToken: TOKEN, fetch } })).catch((e: unknown) => e);
    expect(String(error)).toMatch(/401/);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.authorization === null)).toBe(true);
  });

  it('loses the token on a Link page at another origin, and our fetch drops it on any foreign request', async () => {
    h.hub.faults.add({ kind: 'link-elsewhere', origin: 'http://127.0.0.2:9' }, Date.now());
    const { sent, fetch } = recordingFetch(() => h.hub.hubUrl);
    const files = await listRepoFiles({ repo: 'test/gated', revision: 'main', hubUrl: h.hub.hubUrl, accessToken: TOKEN, fetch });
    const foreign = sent.filter((r) => r.url.startsWith('http://127.0.0.2:9'));
    expect(foreign.length).toBeGreaterThan(0); // the listing followed the Link (the double pages by 10)
    expect(foreign.every((r) => r.authorization === null)).toBe(true);
    expect(sent.filter((r) => r.url.startsWith(h.hub.hubUrl)).every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(files.length).toBeGreaterThan(0);
    const bare = recordingFetch(() => h.hub.hubUrl);
    await tokenScopedFetch(bare.fetch, h.hub.hubUrl)(new Request('http://127.0.0.2:9/x', { headers: { Authorization: 'Bearer hf_x' } }));
    expect(bare.sent[0].authorization).toBeNull();
  });

  it('still reaches the hub it was entered for (gated model installs)', async () => {
    const events = await h.run(h.params({ repo: 'test/gated', net: { accessToken: TOKEN } }));
    expect(events.at(-1)?.type).toBe('done');
  });
});
