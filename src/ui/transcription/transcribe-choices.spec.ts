import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../testing/memory-storage.ts';
import type { StoredModel } from '../../core/store/stored-model.ts';
import { TranscribeChoices } from './transcribe-choices.svelte.ts';

const model = (repo: string): StoredModel => ({ repo, kind: 'whisper', dtype: 'q8', state: 'installed' }) as unknown as StoredModel;

describe('TranscribeChoices', () => {
  it('remembers what was chosen for the next visit', () => {
    const storage = memoryStorage();
    const first = new TranscribeChoices(storage);
    Object.assign(first, { repo: 'Xenova/whisper-base', language: 'spanish', quality: 'fast', vad: false, prompt: 'Quarkfield' });
    first.remember();
    const next = new TranscribeChoices(storage);
    expect([next.repo, next.language, next.quality, next.vad, next.prompt]).toEqual(['Xenova/whisper-base', 'spanish', 'fast', false, 'Quarkfield']);
  });

  it('falls back to the defaults for a broken or hand-edited entry', () => {
    const choices = new TranscribeChoices(memoryStorage({ 'whisper-studio:transcribe-choices': '{"quality":"warp","vad":"yes","language":3' }));
    expect([choices.quality, choices.vad, choices.language]).toEqual(['auto', true, '']);
    const odd = new TranscribeChoices(memoryStorage({ 'whisper-studio:transcribe-choices': '{"quality":"warp","vad":"yes","language":3}' }));
    expect([odd.quality, odd.vad, odd.language]).toEqual(['auto', true, '']);
  });

  it('runs with the chosen model if installed, else the first; English-only models get no language or translation', () => {
    const choices = new TranscribeChoices(memoryStorage());
    Object.assign(choices, { repo: 'gone/model', language: 'french', task: 'translate' });
    expect(choices.options([], 'auto')).toBeNull();
    expect(choices.options([model('onnx-community/whisper-base'), model('x/y')], 'wasm')).toMatchObject({ repo: 'onnx-community/whisper-base', language: 'french', task: 'translate', device: 'wasm' });
    expect(choices.options([model('onnx-community/whisper-base.en')], 'auto')).toMatchObject({ language: null, task: 'transcribe' });
  });
});
