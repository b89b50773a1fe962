import { describe, expect, it } from 'vitest';
import { languageAdvice, type LanguageChoice } from './language-advice.ts';

const base: LanguageChoice = { repo: 'Xenova/whisper-base', multilingual: true, language: 'english', task: 'transcribe', heard: null };

describe('languageAdvice', () => {
  it('says nothing where the model copes', () => {
    expect(languageAdvice(base)).toBeNull();
    expect(languageAdvice({ ...base, language: 'spanish', task: 'translate' })).toBeNull();
    expect(languageAdvice({ ...base, repo: 'Xenova/whisper-tiny' })).toBeNull();
    expect(languageAdvice({ ...base, language: null, heard: { code: 'es', probability: 0.9 } })).toBeNull();
  });
  it('warns that English-only models cannot hear other languages', () => {
    expect(languageAdvice({ ...base, repo: 'onnx-community/whisper-base.en', multilingual: false, language: null })).toMatch(/^whisper-base\.en knows English only/);
  });
  it('warns that tiny mishears other languages and translates poorly: picked, heard or translating', () => {
    const tiny = { ...base, repo: 'Xenova/whisper-tiny' };
    for (const choice of [{ ...tiny, language: 'german' }, { ...tiny, language: null, heard: { code: 'fr', probability: 0.8 } }, { ...tiny, task: 'translate' as const }]) {
      expect(languageAdvice(choice)).toMatch(/^whisper-tiny often mishears languages other than English/);
    }
  });
  it('asks for the language when detection was unsure', () => {
    expect(languageAdvice({ ...base, language: null, heard: { code: 'es', probability: 0.31 } })).toMatch(/only 31 % sure/);
  });
});
