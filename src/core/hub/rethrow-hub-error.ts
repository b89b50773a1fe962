import { HubApiError } from '@huggingface/hub';
import { StudioError } from '../errors.ts';
import { hubError } from './hub-error.ts';

/** Turn what @huggingface/hub throws into our errors, with the repo named. */
export function rethrowHubError(error: unknown, repo: string): never {
  if (error instanceof HubApiError) {
    const data = error.data as { error?: unknown } | undefined;
    const gated = typeof data?.error === 'string' && /\bis restricted\b/i.test(data.error);
    throw hubError({
      status: error.statusCode,
      errorCode: gated ? 'GatedRepo' : null,
      url: error.url,
      repo,
      requestId: error.requestId,
    });
  }
  if (error instanceof StudioError) throw error;
  if (error instanceof TypeError && /token/i.test(error.message)) {
    throw new StudioError({ code: 'invalid-input', message: 'A Hugging Face access token starts with "hf_". Check the token in Settings.' });
  }
  throw new StudioError({
    code: 'network',
    message: `Could not reach the hub for ${repo}: ${error instanceof Error ? error.message : String(error)}. Check your connection and the hub endpoint in Settings.`,
    repo,
  });
}
