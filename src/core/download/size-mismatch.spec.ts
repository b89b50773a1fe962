import { describe, expect, it } from 'vitest';
import { syntheticFile, syntheticRepo } from '../../../e2e/hub/synthetic-repo.ts';
import { corsFilteredFetch } from '../../testing/cors-filtered-fetch.ts';
import { downloadHarness } from '../../testing/download-harness.ts';
import { StudioError } from '../errors.ts';

const MiB = 1024 * 1024;
const SMALL = 'onnx/encoder_model_quantized.onnx';
const BIG = 'onnx/decoder_model_merged_quantized.onnx';
const json = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'preprocessor_config.json'].map((p) => syntheticFile(p, 300, false));
const repo = syntheticRepo({ id: 'test/resized', files: [...json, syntheticFile(SMALL, 2 * MiB), syntheticFile(BIG, 20 * MiB)] });

const h = downloadHarness([repo]);

/** The download's error, after it stopped; it must stop (no loop), with the message a person sees. */
async function failure(...faults: Parameters<typeof h.hub.faults.add>[0][]): Promise<StudioError> {
  for (const fault of faults) h.hub.faults.add(fault, Date.now());
  const error = await h.run(h.params()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StudioError);
  expect(h.records.manifests.size).toBe(0);
  return error as StudioError;
}

const resolves = (path: string): number => h.hub.log.filter((r) => r.server === 'hub' && r.url.endsWith(path)).length;

describe('a file the server has at another size than the listing', { timeout: 30_000 }, () => {
  it('larger (a whole-file download): stops at the first byte past the listed size, naming the file and its size', async () => {
    const error = await failure({ kind: 'resize', path: SMALL, by: 1000 });
    expect(error.message).toContain(`${SMALL} of test/resized is larger on the server than the hub's file list says (${2 * MiB} bytes), so it could never verify`);
    expect(resolves(SMALL)).toBe(1); // no retry: no attempt could end well
  });

  it('smaller: stops instead of asking for the missing end forever', async () => {
    const error = await failure({ kind: 'resize', path: SMALL, by: -1000 });
    expect(error.message).toContain(`${SMALL} of test/resized is ${2 * MiB - 1000} bytes on the server, but the hub's file list says ${2 * MiB}`);
  });

  it('larger, in segments: the total in Content-Range gives it away on the first answer', async () => {
    const error = await failure({ kind: 'resize', path: BIG, by: 4096 });
    expect(error.message).toContain(`${BIG} of test/resized is ${20 * MiB + 4096} bytes on the server, but the hub's file list says ${20 * MiB}`);
  });

  it('larger behind a CDN that hides Content-Range: only the listed bytes are asked for, and they verify', async () => {
    h.hub.faults.add({ kind: 'strict-cdn' }, Date.now());
    h.hub.faults.add({ kind: 'resize', path: BIG, by: 4096 }, Date.now());
    const events = await h.run(h.params({ net: { fetch: corsFilteredFetch() } }));
    expect(events.at(-1)?.type).toBe('done');
  });
});
