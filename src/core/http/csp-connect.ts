/**
 * Whether a Content-Security-Policy lets the page connect to `origin` (connect-src, else
 * default-src; `'self'`, exact origins and `https://*.host` wildcards). No policy allows all.
 */
export function connectAllowed(policy: string | null, origin: string, pageOrigin: string): boolean {
  if (!policy) return true;
  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name.toLowerCase(), values]));
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (!sources) return true;
  const target = new URL(origin);
  return sources.some((source) => {
    if (source === '*') return true;
    if (source === "'self'") return target.origin === pageOrigin;
    const wildcard = source.match(/^(https?:)\/\/\*\.(.+)$/);
    if (wildcard) return target.protocol === wildcard[1] && target.hostname.endsWith(`.${wildcard[2]}`);
    try {
      return new URL(source).origin === target.origin;
    } catch {
      return false;
    }
  });
}
