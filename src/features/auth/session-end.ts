import { ApiError } from '@/lib/api-client';

/** Why the console sent someone to sign in again; shown on the sign-in page, carried in its URL. */
export const sessionEndReasons = ['expired', 'invalid'] as const;
export type SessionEndReason = (typeof sessionEndReasons)[number];

/**
 * A 401 that means the session is over, from any request. INVALID_CREDENTIALS (also a 401) is a
 * failed sign-in, not an ended session.
 */
export function sessionEndReason(error: unknown): SessionEndReason | null {
  if (!(error instanceof ApiError) || error.status !== 401) return null;
  switch (error.code) {
    case 'SESSION_EXPIRED':
      return 'expired';
    case 'UNAUTHENTICATED':
      return 'invalid';
    default:
      return null;
  }
}

export const sessionEndMessages: Record<SessionEndReason, string> = {
  expired: 'Your session has expired. Sign in again to continue.',
  invalid: 'Your session is no longer valid. Sign in again to continue.',
};
