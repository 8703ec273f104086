import { z } from '@/lib/zod';
import { sessionEndReasons, type SessionEndReason } from './session-end';

export const SIGN_IN_PATH = '/sign-in';
/** Where a sign-in without a (usable) `redirect` lands. */
export const DEFAULT_REDIRECT = '/admin/manageOrders';

/** Any origin works: it only tells whether a parsed target stayed on it. */
const PROBE_ORIGIN = 'https://console.invalid';
const MAX_REDIRECT_LENGTH = 2_000;

/**
 * The page to return to after signing in: a path on this console, never another site. `//evil`,
 * `/\evil` and control characters (which URL parsing drops, turning `/\t/evil` into `//evil`) are
 * refused before parsing; whatever still resolves elsewhere is refused after. So is the sign-in
 * page itself, which would bounce forever.
 */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_REDIRECT_LENGTH) return DEFAULT_REDIRECT;
  if (!value.startsWith('/') || /[\\\p{Cc}]/u.test(value)) return DEFAULT_REDIRECT;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return DEFAULT_REDIRECT;
  }
  if (url.origin !== PROBE_ORIGIN || url.pathname.startsWith('//') || url.pathname === SIGN_IN_PATH)
    return DEFAULT_REDIRECT;
  return `${url.pathname}${url.search}${url.hash}`;
}

const ReasonSchema = z.catch(z.optional(z.enum(sessionEndReasons)), undefined);

export type SignInSearch = { redirect: string; reason?: SessionEndReason };

/** Lenient like the order filters: a bad value falls back, never an error page. */
export function parseSignInSearch(search: Record<string, unknown>): SignInSearch {
  return { redirect: safeRedirectPath(search.redirect), reason: ReasonSchema.parse(search.reason) };
}
