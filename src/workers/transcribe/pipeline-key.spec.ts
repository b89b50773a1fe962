import { describe, expect, it } from 'vitest';
import type { InstalledManifest } from '../../core/store/records.ts';
import { pipelineKey, pipelineKeyParts } from './pipeline-key.ts';

const manifest = (commit: string): InstalledManifest => ({ repo: 'o/m', commit, dtype: 'q8', files: [], totalBytes: 0, installedAt: 0 });

describe('pipelineKey', () => {
  it('names the installed commit, so a model updated to another commit is loaded again', () => {
    expect(pipelineKey('o/m', manifest('c1'), 'q8', 'wasm', 2)).not.toBe(pipelineKey('o/m', manifest('c2'), 'q8', 'wasm', 2));
    expect(pipelineKeyParts(pipelineKey('o/m', manifest('c1'), 'q8', 'webgpu', 4))).toEqual({ repo: 'o/m', dtype: 'q8', device: 'webgpu', threads: 4 });
  });
});
