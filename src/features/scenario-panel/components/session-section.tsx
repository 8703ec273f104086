import type { MockStartSession } from '@/contract/mock-control';
import { useCurrentUser, useSessionToken } from '@/features/auth';
import { useSwitchSession } from '../api/switch-session';
import { InlineError, PanelSection } from './panel-section';

/** The users the panel switches between; `expired` is reached through the session-expired scenario. */
const choices = [
  { as: 'admin', label: 'Admin' },
  { as: 'support', label: 'Support' },
  { as: 'signedOut', label: 'Signed out' },
] as const satisfies readonly { as: MockStartSession; label: string }[];

export function SessionSection() {
  const token = useSessionToken();
  const user = useCurrentUser();
  const switchSession = useSwitchSession();
  const current: MockStartSession | undefined = token === null ? 'signedOut' : user?.role;

  return (
    <PanelSection
      title="Signed in as"
      hint="Switches who the console is signed in as, without the sign-in page; the data stays as it is."
    >
      <fieldset className="min-w-0">
        <legend className="sr-only">Signed in as</legend>
        <div className="flex w-fit divide-x divide-gray-300 overflow-hidden rounded-md border border-gray-300 dark:divide-gray-600 dark:border-gray-600">
          {choices.map(({ as, label }) => {
            const pressed = current === as;
            return (
              <button
                key={as}
                type="button"
                aria-pressed={pressed}
                aria-disabled={switchSession.isPending}
                onClick={switchSession.isPending || pressed ? undefined : () => switchSession.mutate(as)}
                className="h-8 px-3 text-sm font-medium transition-colors hover:bg-gray-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 aria-disabled:cursor-not-allowed aria-pressed:bg-blue-600 aria-pressed:text-white dark:hover:bg-gray-800 dark:focus-visible:outline-blue-400 dark:aria-pressed:bg-blue-500 dark:aria-pressed:text-gray-950"
              >
                {label}
              </button>
            );
          })}
        </div>
      </fieldset>
      {user ? (
        <p className="text-xs text-gray-600 dark:text-gray-400">
          {user.name} · <span className="font-mono">{user.email}</span>
        </p>
      ) : null}
      {switchSession.error ? <InlineError>Could not switch the user: {switchSession.error.message}</InlineError> : null}
    </PanelSection>
  );
}
