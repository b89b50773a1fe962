/** The parts of a Whisper model's generation_config.json that decoding needs. */
export interface WhisperGenerationConfig {
  readonly decoder_start_token_id: number;
  readonly eos_token_id: number;
  readonly no_timestamps_token_id: number;
  readonly is_multilingual?: boolean;
  readonly lang_to_id?: Readonly<Record<string, number>>;
  readonly task_to_id?: Readonly<Record<string, number>>;
  readonly suppress_tokens?: readonly number[];
  readonly begin_suppress_tokens?: readonly number[];
  readonly alignment_heads?: readonly (readonly [number, number])[];
}

export interface WhisperTokens {
  readonly sot: number;
  readonly eot: number;
  /** `<|nospeech|>`: its probability right after start-of-transcript says "this is not speech". */
  readonly noSpeech: number;
  readonly noTimestamps: number;
  /** `<|startofprev|>`: what follows it, up to start-of-transcript, is text said before (a prompt). */
  readonly startOfPrev: number;
  /** Language token id → language code (`en`), for multilingual models. */
  readonly languages: ReadonlyMap<number, string>;
  /** Never generated: special tokens, timestamps and the model's own suppress list. */
  readonly suppress: ReadonlySet<number>;
  /** Not generated as the first text token. */
  readonly beginSuppress: ReadonlySet<number>;
}

/** Token ids for decoding without timestamp tokens (word times come from cross-attention instead). */
export function whisperTokens(config: WhisperGenerationConfig, vocabSize: number): WhisperTokens {
  const eot = config.eos_token_id;
  const suppress = new Set(config.suppress_tokens ?? []);
  for (let id = eot + 1; id < vocabSize; id++) suppress.add(id);
  const languages = new Map(Object.entries(config.lang_to_id ?? {}).map(([token, id]) => [id, token.replace(/^<\|(.+)\|>$/, '$1')]));
  return Object.freeze({
    sot: config.decoder_start_token_id,
    eot,
    // In every Whisper vocabulary <|nospeech|> sits just before <|notimestamps|>.
    noSpeech: config.no_timestamps_token_id - 1,
    noTimestamps: config.no_timestamps_token_id,
    // …and <|startofprev|> just before <|nospeech|>.
    startOfPrev: config.no_timestamps_token_id - 2,
    languages,
    suppress,
    beginSuppress: new Set(config.begin_suppress_tokens ?? [eot]),
  });
}

/** What follows start-of-transcript: language and task for multilingual models, then no timestamps. */
export function promptAfterLanguage(config: WhisperGenerationConfig, languageId: number | null, task: 'transcribe' | 'translate'): number[] {
  const taskId = config.task_to_id?.[task];
  const multilingual = config.is_multilingual === true && languageId !== null && taskId !== undefined;
  return multilingual ? [languageId, taskId, config.no_timestamps_token_id] : [config.no_timestamps_token_id];
}

/** The id of a language given as transformers.js names it (`english`) or as a code (`en`). */
export function languageId(config: WhisperGenerationConfig, language: string, codes: Readonly<Record<string, string>>): number | null {
  const code = codes[language.toLowerCase()] ?? language.toLowerCase();
  return config.lang_to_id?.[`<|${code}|>`] ?? null;
}

/** Whisper's context is 448 tokens; the previous text may take at most half of it (as in Whisper and faster-whisper). */
export const MAX_PROMPT_TOKENS = 223;

/** What precedes start-of-transcript: `<|startofprev|>` and the prompt's last tokens, or nothing without a prompt. */
export function previousText(tokens: Pick<WhisperTokens, 'startOfPrev'>, promptIds: readonly number[]): number[] {
  return promptIds.length === 0 ? [] : [tokens.startOfPrev, ...promptIds.slice(-MAX_PROMPT_TOKENS)];
}
