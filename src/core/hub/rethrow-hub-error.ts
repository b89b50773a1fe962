import { HubApiError } from '@huggingface/hub';
import { StudioError } from '../errors.ts';
import { hubError } from './hub-error.ts';
import { DEFAULT_HUB_TIMEOUT_MS, isHubTimeout } from './hub-fetch.ts';

/** Turn what @huggingface/hub throws into our errors, with the repo named. */
export function rethrowHubError(error: unknown, repo: string, timeoutMs = DEFAULT_HUB_TIMEOUT_MS): never {
  if (isHubTimeout(error)) {
    throw new StudioError({
      code: 'network',
      message: `The hub did not answer within ${Math.round(timeoutMs / 1000)} s while reading ${repo}'s files. The hub or your connection may be slow: try again in a moment.`,
      repo,
    });
  }
  if (error instanceof HubApiError) {
    const data = error.data as { error?: unknown } | undefined;
    const gated = typeof data?.error === 'string' && /\bis restricted\b/i.test(data.error);
    throw hubError({
      status: error.statusCode,
      errorCode: gated ? 'GatedRepo' : null,
      url: error.url,
      repo,
      requestId: error.requestId,
      asked: 'api',
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
