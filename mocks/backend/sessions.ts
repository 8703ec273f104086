import { z } from '@/lib/zod';
import type { MockStartSession } from '@/contract/mock-control';
import type { User } from '@/contract/session-api';
import { findUser, publicUser, userWithRole } from '../data/users';

/** A signed-in user's session, by token. An expired one is kept so the API can say "expired", not "unknown". */
const SessionSchema = z.object({ email: z.string(), expired: z.boolean() });
export const SessionsSchema = z.record(z.string(), SessionSchema);
type Sessions = z.infer<typeof SessionsSchema>;

/** Who a request comes from, as the bearer token says. */
export type Authentication = { kind: 'user'; user: User } | { kind: 'missing' | 'unknown' | 'expired' };

/** The token of `Authorization: Bearer <token>` (the scheme is case-insensitive, RFC 7235). */
export function bearerToken(authorization: string | null): string | undefined {
  return /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
}

/** The backend's sessions: who is signed in with which token. */
export class SessionStore {
  constructor(private sessions: Sessions = {}) {}

  snapshot(): Sessions {
    return { ...this.sessions };
  }

  /** Replaces every session with one of the kind asked for; returns its token, null when signed out. */
  replaceWith(kind: MockStartSession): string | null {
    this.sessions = {};
    if (kind === 'signedOut') return null;
    return this.create(userWithRole(kind === 'support' ? 'support' : 'admin').email, kind === 'expired');
  }

  /** One answer for an unknown email and a wrong password alike: null. */
  signIn(email: string, password: string): { token: string; user: User } | null {
    const user = findUser(email);
    if (!user || user.password !== password) return null;
    return { token: this.create(user.email), user: publicUser(user) };
  }

  signOut(authorization: string | null): void {
    const token = bearerToken(authorization);
    if (token !== undefined) delete this.sessions[token];
  }

  authenticate(authorization: string | null): Authentication {
    const token = bearerToken(authorization);
    if (!token) return { kind: 'missing' };
    const session = Object.hasOwn(this.sessions, token) ? this.sessions[token] : undefined;
    const user = session && findUser(session.email);
    if (!session || !user) return { kind: 'unknown' };
    if (session.expired) return { kind: 'expired' };
    return { kind: 'user', user: publicUser(user) };
  }

  private create(email: string, expired = false): string {
    const token = crypto.randomUUID();
    this.sessions[token] = { email, expired };
    return token;
  }
}
