import type { Role } from '@/contract/session-api';

/** Said in words, not only shown by colour: a support agent sees why there are no action buttons. */
export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  support: 'Support (read-only)',
};
