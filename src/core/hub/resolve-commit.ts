import { modelInfo } from '@huggingface/hub';
import { hubFetch } from './hub-fetch.ts';
import { HUB_URL } from './hub-url.ts';
import type { HubParams } from './hub-params.ts';
import { rethrowHubError } from './rethrow-hub-error.ts';

/**
 * The commit a revision (branch, tag or sha) points at now. Downloads pin to it so that
 * files of two revisions never mix, even if the repo changes mid-download.
 */
export async function resolveCommit(params: HubParams & { revision: string }): Promise<string> {
  try {
    const info = await modelInfo({
      name: params.repo,
      revision: params.revision,
      additionalFields: ['sha'],
      hubUrl: params.hubUrl ?? HUB_URL,
      accessToken: params.accessToken,
      fetch: hubFetch(params.hubUrl ?? HUB_URL, params.fetch, params.signal, params.timeoutMs),
    });
    return info.sha;
  } catch (error) {
    rethrowHubError(error, params.repo, params.timeoutMs);
  }
}
