import type { Role, User } from '@/contract/session-api';

export type SeededUser = User & { password: string };

/**
 * The people who can sign in to the mock. Demo passwords, shown on the mock's sign-in page; a real
 * backend has its own users. `sam` is the colleague of the double-click-race scenario.
 */
export const seededUsers: readonly SeededUser[] = [
  { email: 'admin@reseller.test', name: 'Ada Admin', role: 'admin', password: 'admin-demo' },
  { email: 'support@reseller.test', name: 'Sol Support', role: 'support', password: 'support-demo' },
  { email: 'sam@reseller.test', name: 'Sam Okoro', role: 'admin', password: 'sam-demo' },
];

export function findUser(email: string): SeededUser | undefined {
  return seededUsers.find((user) => user.email === email.toLowerCase());
}

/** The seeded user a scenario or `?as=` starts signed in as. */
export function userWithRole(role: Role): SeededUser {
  const user = seededUsers.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`No seeded user has the role ${role}`);
  return user;
}

export function publicUser({ email, name, role }: User): User {
  return { email, name, role };
}
