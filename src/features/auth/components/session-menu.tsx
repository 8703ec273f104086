import { CircleAlert, LoaderCircle, LogOut, UserRound } from 'lucide-react';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { useToast } from '@/components/ui/toast/toast-store';
import { useSession } from '../api/get-session';
import { useSignOut } from '../api/sign-out';
import { sessionEndReason } from '../session-end';
import { roleLabels } from '../labels';

/**
 * Who is signed in, in words, and the way out. Nothing while signed out or not yet known; when
 * asking failed, why, with a way to ask again, and Sign out still works.
 */
export function SessionMenu() {
  const session = useSession();
  const user = session.data?.user;
  if (!user && !session.error) return null;
  return (
    <div className="ml-auto flex min-w-0 items-center gap-3">
      {user ? (
        <p className="flex min-w-0 items-center gap-2 text-sm">
          <UserRound aria-hidden="true" className="size-4 shrink-0 text-gray-500 dark:text-gray-400" />
          <span className="truncate font-medium" title={user.email}>
            {user.name}
          </span>
          <Badge tone={user.role === 'admin' ? 'info' : 'neutral'}>{roleLabels[user.role]}</Badge>
        </p>
      ) : (
        <div role="alert" className="flex min-w-0 items-center gap-2 text-sm text-red-700 dark:text-red-300">
          <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
          <span className="truncate" title={session.error?.message}>
            Could not check who is signed in: {session.error?.message}
          </span>
          <Button
            variant="outline"
            aria-disabled={session.isFetching}
            onClick={session.isFetching ? undefined : () => void session.refetch()}
          >
            Try again
          </Button>
        </div>
      )}
      <SignOutButton />
    </div>
  );
}

function SignOutButton() {
  const signOut = useSignOut();
  const { show } = useToast();
  async function leave() {
    try {
      await signOut.mutateAsync();
    } catch (error) {
      // The hook has signed this tab out anyway. A 401 means the server had ended the session
      // already; anything else means it may still be alive there, and the admin should know.
      if (sessionEndReason(error) !== null) return;
      show({
        tone: 'warning',
        title: 'Signed out on this device only',
        description: `The server did not confirm the sign-out: ${error instanceof Error ? error.message : 'the request failed'}`,
      });
    }
  }
  return (
    <Button
      variant="outline"
      aria-busy={signOut.isPending}
      aria-disabled={signOut.isPending}
      onClick={signOut.isPending ? undefined : () => void leave()}
    >
      {signOut.isPending ? (
        <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" />
      ) : (
        <LogOut aria-hidden="true" className="size-3.5" />
      )}
      Sign out
    </Button>
  );
}
