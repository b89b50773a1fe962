/** The public Hugging Face hub; builds and people may point the app at a mirror instead. */
export const HUB_URL = 'https://huggingface.co';

/**
 * A hub endpoint as the app stores it: an absolute http(s) URL without a trailing slash.
 * Returns null for anything else, so a typo never becomes a request to a wrong place.
 */
export function normalizeHubUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.search || url.hash || url.username || url.password) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
