import type { IncomingMessage } from 'node:http';
import type { HubRepo } from './repo-types.ts';

/** Tokens the double knows: `withAccess` may read gated repos, `withoutAccess` is a real account without. */
export interface TokenBook {
  readonly withAccess: readonly string[];
  readonly withoutAccess: readonly string[];
}

export type Access =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly code: string; readonly message: string };

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}

/** Who may download a repo's files, answered as the hub does (401 no/invalid token, 403 no access). */
export function checkAccess(req: IncomingMessage, repo: HubRepo, tokens: TokenBook): Access {
  const token = bearer(req);
  const known = token !== null && (tokens.withAccess.includes(token) || tokens.withoutAccess.includes(token));
  if (token !== null && !known) {
    return { ok: false, status: 401, code: 'InvalidCredentials', message: 'Invalid credentials in Authorization header' };
  }
  if (!repo.gated || (token !== null && tokens.withAccess.includes(token))) return { ok: true };
  if (token === null) {
    return {
      ok: false,
      status: 401,
      code: 'GatedRepo',
      message: `Access to model ${repo.id} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
    };
  }
  return {
    ok: false,
    status: 403,
    code: 'GatedRepo',
    message: `Access to model ${repo.id} is restricted and you are not in the authorized list. Visit the model page to ask for access.`,
  };
}
