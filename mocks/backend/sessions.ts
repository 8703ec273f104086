import { z } from '@/lib/zod';
import type { MockStartSession } from '@/contract/mock-control';
import type { User } from '@/contract/session-api';
import { findUser, publicUser, userWithRole } from '../data/users';

/** A signed-in user's session. An expired one is kept so the API can say "expired", not "unknown". */
const SessionSchema = z.object({ email: z.string(), expired: z.boolean() });
export const SessionsSchema = z.object({
  byToken: z.record(z.string(), SessionSchema),
  /** The session started last (a scenario's, a switch, a sign-in): what a tab without one of its own is given. */
  current: z.nullable(z.string()),
});
type Sessions = z.infer<typeof SessionsSchema>;

/** Who a request comes from, as the bearer token says. */
export type Authentication = { kind: 'user'; user: User } | { kind: 'missing' | 'unknown' | 'expired' };

/** The token of `Authorization: Bearer <token>` (the scheme is case-insensitive, RFC 7235). */
export function bearerToken(authorization: string | null): string | undefined {
  return /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
}

/** The backend's sessions: who is signed in with which token. */
export class SessionStore {
  private byToken: Sessions['byToken'];
  private current: string | null;

  constructor(saved: Sessions = { byToken: {}, current: null }) {
    this.byToken = { ...saved.byToken };
    this.current = saved.current;
  }

  snapshot(): Sessions {
    return { byToken: { ...this.byToken }, current: this.current };
  }

  /** Replaces every session with one of the kind asked for; returns its token, null when signed out. */
  replaceWith(kind: MockStartSession): string | null {
    this.byToken = {};
    this.current =
      kind === 'signedOut'
        ? null
        : this.create(userWithRole(kind === 'support' ? 'support' : 'admin').email, kind === 'expired');
    return this.current;
  }

  /**
   * The session a tab should hold: its own while the backend knows it (even expired: the tab is
   * told so), else the current one. A tab opened from a link starts with none of its own.
   */
  sessionFor(token: string | null): string | null {
    return token !== null && Object.hasOwn(this.byToken, token) ? token : this.current;
  }

  /** One answer for an unknown email and a wrong password alike: null. */
  signIn(email: string, password: string): { token: string; user: User } | null {
    const user = findUser(email);
    if (!user || user.password !== password) return null;
    this.current = this.create(user.email);
    return { token: this.current, user: publicUser(user) };
  }

  signOut(authorization: string | null): void {
    const token = bearerToken(authorization);
    if (token === undefined) return;
    delete this.byToken[token];
    if (this.current === token) this.current = null;
  }

  authenticate(authorization: string | null): Authentication {
    const token = bearerToken(authorization);
    if (!token) return { kind: 'missing' };
    const session = Object.hasOwn(this.byToken, token) ? this.byToken[token] : undefined;
    const user = session && findUser(session.email);
    if (!session || !user) return { kind: 'unknown' };
    if (session.expired) return { kind: 'expired' };
    return { kind: 'user', user: publicUser(user) };
  }

  private create(email: string, expired = false): string {
    const token = crypto.randomUUID();
    this.byToken[token] = { email, expired };
    return token;
  }
}
