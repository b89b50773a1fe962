/**
 * The Content-Security-Policy a built page carries as `<meta http-equiv>`, or null. A static host
 * that sends no headers leaves workers without any policy (they take it from their own script's
 * headers); the service worker gives them the page's.
 */
export function pagePolicy(html: string): string | null {
  const tag = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i);
  return tag ? tag[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"') : null;
}
