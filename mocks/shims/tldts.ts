/**
 * Stands in for the `tldts` package in every build (vite.config.ts aliases it here).
 *
 * MSW reads a request's cookies through tough-cookie, which asks tldts for the host's registrable
 * domain ("example.com" for "qa.example.com"). tldts answers from the whole public suffix list:
 * ~250 kB, two thirds of the mock backend's chunk, loaded before the console's first request. The
 * console authenticates with a bearer token and the mock never sets a cookie, so the jar only ever
 * looks up an empty store for the page's own host. The last two labels are the right answer for any
 * host outside multi-label public suffixes ("co.uk"), and here even a wrong one only widens a lookup
 * in that empty store.
 */
export function getDomain(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host || isIpAddress(host)) return null;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return null;
  return labels.slice(-2).join('.');
}

function isIpAddress(host: string): boolean {
  return host.includes(':') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
}
