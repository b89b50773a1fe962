/** Origins the real hub redirects downloads to (LFS and Xet CDNs), besides the hub itself. */
const HUB_CDNS = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];

/**
 * The Content-Security-Policy of the served build: scripts, workers and wasm only from our origin,
 * network only to our origin, the hub and its CDNs, plus origins named in `extraConnect`
 * (a mirror baked in with VITE_HUB_URL, or the local hub double in tests).
 */
export function contentSecurityPolicy(extraConnect: readonly string[], where: 'header' | 'meta' = 'header'): string {
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
    // Not allowed in a <meta> policy: a host that can send headers sends this one.
    ...(where === 'header' ? ["frame-ancestors 'none'"] : []),
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

/**
 * The policy as a `<meta http-equiv>` for the built index.html, so a static host that sends no
 * headers still serves the page under it (the page only: workers get the policy of their own
 * script's headers, which such a host does not send).
 */
export function cspMetaTag(extraConnect: readonly string[]): string {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(extraConnect, 'meta')}" />`;
}
