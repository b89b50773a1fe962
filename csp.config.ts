/** Origins the real hub redirects downloads to (LFS and Xet CDNs), besides the hub itself. */
const HUB_CDNS = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];

/**
 * The Content-Security-Policy of the served build: scripts, workers and wasm only from our origin,
 * network only to our origin, the hub and its CDNs, plus origins named in `extraConnect`
 * (a mirror baked in with VITE_HUB_URL, or the local hub double in tests).
 */
export function contentSecurityPolicy(extraConnect: readonly string[]): string {
  const connect = ["'self'", ...HUB_CDNS, ...extraConnect].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    `connect-src ${connect}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

/** Origins from a space-separated env list and VITE_HUB_URL, ignoring anything that is not a URL. */
export function extraConnectOrigins(env: Record<string, string | undefined>): string[] {
  const listed = [...(env.WHISPER_STUDIO_CONNECT_SRC ?? '').split(/\s+/), env.VITE_HUB_URL ?? ''];
  return listed.flatMap((value) => {
    try {
      return value ? [new URL(value).origin] : [];
    } catch {
      return [];
    }
  });
}
