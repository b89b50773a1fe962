/**
 * Whether a same-origin navigation is to the app (its pages are paths without a file extension),
 * so the service worker answers it with the app's page offline. A file (`/report.pdf`,
 * `/assets/x.js`, `/bench.html`, `/manifest.webmanifest`) and model routes go to the network or
 * their own route as they are, never answered with the app in their place.
 */
export function isAppNavigation(pathname: string): boolean {
  if (pathname.startsWith('/models/')) return false;
  if (pathname === '/index.html') return true;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !last.includes('.');
}
