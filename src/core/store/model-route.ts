import { parseRange } from '../http/parse-range.ts';
import type { InstalledManifest } from './records.ts';

/**
 * Installed model files are served by the service worker at `/models/{owner}/{name}/{path}`:
 * the URL transformers.js asks for with `env.localModelPath = '/models/'`. The installed
 * commit is implied (one installed version per repo), so the transcriber needs no network.
 */
export const MODEL_ROUTE_PREFIX = '/models/';

export function parseModelPath(pathname: string): { repo: string; path: string } | null {
  if (!pathname.startsWith(MODEL_ROUTE_PREFIX)) return null;
  let parts: string[];
  try {
    parts = pathname.slice(MODEL_ROUTE_PREFIX.length).split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  if (parts.length < 3 || parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  return { repo: `${parts[0]}/${parts[1]}`, path: parts.slice(2).join('/') };
}

export type ModelAnswer =
  | { readonly kind: 'missing'; readonly status: 404; readonly body: { readonly error: string; readonly repo: string; readonly path: string; readonly message: string } }
  | { readonly kind: 'unsatisfiable'; readonly status: 416; readonly size: number }
  | {
      readonly kind: 'file';
      readonly status: 200 | 206;
      readonly commit: string;
      readonly path: string;
      readonly size: number;
      readonly start: number;
      readonly end: number;
      readonly headers: Readonly<Record<string, string>>;
    };

const CONTENT_TYPES: readonly [RegExp, string][] = [
  [/\.json$/, 'application/json'],
  [/\.txt$/, 'text/plain; charset=utf-8'],
];

function missing(repo: string, path: string, installed: boolean): ModelAnswer {
  const message = installed
    ? `${path} is not part of the installed ${repo}.`
    : `${repo} is not installed on this device. Download it in the model library first.`;
  return { kind: 'missing', status: 404, body: { error: installed ? 'file-not-in-model' : 'model-not-installed', repo, path, message } };
}

/** What the service worker answers for a model URL, given the repo's manifest (null: not installed). */
export function answerModelRequest(manifest: InstalledManifest | null, repo: string, path: string, rangeHeader: string | null): ModelAnswer {
  const file = manifest?.files.find((f) => f.path === path);
  if (!manifest || !file) return missing(repo, path, manifest !== null);
  const range = parseRange(rangeHeader ?? undefined, file.size);
  if (range.kind === 'unsatisfiable') return { kind: 'unsatisfiable', status: 416, size: file.size };
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, file.size - 1];
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES.find(([pattern]) => pattern.test(path))?.[1] ?? 'application/octet-stream',
    'Content-Length': String(Math.max(0, end - start + 1)),
    ETag: `"${file.sha256 ?? file.oid}"`,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
  return { kind: 'file', status: range.kind === 'partial' ? 206 : 200, commit: manifest.commit, path, size: file.size, start, end, headers: Object.freeze(headers) };
}
