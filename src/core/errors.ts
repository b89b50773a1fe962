/** What went wrong, in a form that survives postMessage (structured clone drops Error subclasses). */
export type ErrorCode =
  | 'unauthorized'
  | 'gated'
  | 'not-found'
  | 'rate-limited'
  | 'quota'
  | 'integrity'
  | 'network'
  | 'server'
  | 'invalid-input'
  | 'unsupported'
  | 'storage'
  | 'crashed';

export interface ErrorData {
  readonly code: ErrorCode;
  /** Plain words for a person: what happened and what to do. Never contains a token. */
  readonly message: string;
  readonly status?: number;
  readonly url?: string;
  readonly repo?: string;
  readonly requestId?: string;
  readonly retryAfterMs?: number;
}

export class StudioError extends Error {
  readonly data: ErrorData;

  constructor(data: ErrorData) {
    super(data.message);
    this.name = 'StudioError';
    this.data = Object.freeze({ ...data });
  }

  get code(): ErrorCode {
    return this.data.code;
  }
}

/** Any thrown value as ErrorData, for sending across a worker boundary. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof StudioError) return error.data;
  const message = error instanceof Error ? error.message : String(error);
  return Object.freeze({ code: 'network', message: `Something went wrong: ${message}` });
}
