import { FlaskConical, LogIn } from 'lucide-react';
import { useId } from 'react';
import type { SignInRequest, User } from '@/contract/session-api';
import { Button } from '@/components/ui/button/button';
import { roleLabels } from '../labels';

export type DemoAccount = SignInRequest & Pick<User, 'name' | 'role'>;

export type DemoAccountsProps = {
  /** Handed over by `mock-mode.tsx`, which takes them from the mock: this feature imports nothing of it. */
  accounts: readonly DemoAccount[];
  busy: boolean;
  onSignIn: (credentials: SignInRequest) => void;
};

/** Mock builds only (loaded through `mock-mode.tsx`): one click to sign in as a seeded user. */
export function DemoAccounts({ accounts, busy, onSignIn }: DemoAccountsProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-dashed border-blue-300 bg-blue-50/60 p-4 dark:border-blue-800 dark:bg-blue-950/30"
    >
      <div>
        <h2 id={headingId} className="flex items-center gap-1.5 text-sm font-semibold">
          <FlaskConical aria-hidden="true" className="size-4 text-blue-600 dark:text-blue-400" />
          Demo accounts
        </h2>
        <p className="text-xs text-gray-600 dark:text-gray-400">
          Seeded in the mock backend; a real backend has its own users.
        </p>
      </div>
      <ul className="space-y-2">
        {accounts.map(({ email, password, name, role }) => (
          <li key={email} className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <div className="min-w-0">
              <p className="font-medium">
                {name} <span className="font-normal text-gray-600 dark:text-gray-400">· {roleLabels[role]}</span>
              </p>
              <p className="font-mono text-xs wrap-anywhere text-gray-700 dark:text-gray-300">
                {email} / {password}
              </p>
            </div>
            <Button
              variant="outline"
              aria-disabled={busy}
              onClick={busy ? undefined : () => onSignIn({ email, password })}
            >
              <LogIn aria-hidden="true" className="size-3.5" />
              Sign in as {name}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
