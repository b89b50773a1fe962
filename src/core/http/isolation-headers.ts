/**
 * Headers that make a document (and its dedicated workers) cross-origin isolated, so ONNX Runtime
 * gets SharedArrayBuffer and threads. A static host that sends none of them still gets them from
 * our service worker (the coi-serviceworker technique); headers a host does send are kept.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/** The isolation headers a response lacks, given how to read the ones it has. */
export function missingIsolationHeaders(has: (name: string) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(ISOLATION_HEADERS).filter(([name]) => !has(name)));
}
