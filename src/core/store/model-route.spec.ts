import { describe, expect, it } from 'vitest';
import type { InstalledManifest } from './records.ts';
import { answerModelRequest, parseModelPath } from './model-route.ts';

const manifest: InstalledManifest = {
  repo: 'o/m',
  commit: 'c1',
  dtype: 'q8',
  totalBytes: 110,
  installedAt: 0,
  files: [
    { path: 'config.json', size: 10, sha256: null, oid: 'g1' },
    { path: 'onnx/e.onnx', size: 100, sha256: 'abc', oid: 'g2' },
  ],
};

describe('parseModelPath', () => {
  it('splits /models/{owner}/{name}/{path}', () => {
    expect(parseModelPath('/models/Xenova/whisper-tiny/onnx/encoder_model_quantized.onnx')).toEqual({ repo: 'Xenova/whisper-tiny', path: 'onnx/encoder_model_quantized.onnx' });
    expect(parseModelPath('/models/o/m%2Fx/config.json')).toEqual({ repo: 'o/m/x', path: 'config.json' });
  });

  it('refuses other paths and traversal', () => {
    for (const bad of ['/assets/x.js', '/models/o/m', '/models/o/m/../x', '/models/o//x', '/models/o/m/%E0%A4%A']) expect(parseModelPath(bad)).toBeNull();
  });
});

describe('answerModelRequest', () => {
  it('serves the whole file with its type, length and checksum ETag', () => {
    const answer = answerModelRequest(manifest, 'o/m', 'config.json', null);
    expect(answer).toMatchObject({ kind: 'file', status: 200, commit: 'c1', start: 0, end: 9 });
    if (answer.kind !== 'file') return;
    expect(answer.headers).toMatchObject({ 'Content-Type': 'application/json', 'Content-Length': '10', ETag: '"g1"' });
  });

  it('serves exactly the requested range', () => {
    const answer = answerModelRequest(manifest, 'o/m', 'onnx/e.onnx', 'bytes=10-19');
    expect(answer).toMatchObject({ kind: 'file', status: 206, start: 10, end: 19 });
    if (answer.kind === 'file') expect(answer.headers['Content-Range']).toBe('bytes 10-19/100');
    expect(answerModelRequest(manifest, 'o/m', 'onnx/e.onnx', 'bytes=100-')).toMatchObject({ status: 416 });
  });

  it('says clearly what is missing: the model, or a file of it', () => {
    expect(answerModelRequest(null, 'o/m', 'config.json', null)).toMatchObject({ status: 404, body: { error: 'model-not-installed', repo: 'o/m' } });
    expect(answerModelRequest(manifest, 'o/m', 'nope.json', null)).toMatchObject({ status: 404, body: { error: 'file-not-in-model', path: 'nope.json' } });
  });
});
