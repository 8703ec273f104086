import { LoaderCircle, LogOut, UserRound } from 'lucide-react';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { useCurrentUser } from '../api/get-session';
import { useSignOut } from '../api/sign-out';
import { roleLabels } from '../labels';

/** Who is signed in, in words, and the way out. Nothing while signed out or not yet known. */
export function SessionMenu() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  if (!user) return null;
  return (
    <div className="ml-auto flex min-w-0 items-center gap-3">
      <p className="flex min-w-0 items-center gap-2 text-sm">
        <UserRound aria-hidden="true" className="size-4 shrink-0 text-gray-500 dark:text-gray-400" />
        <span className="truncate font-medium" title={user.email}>
          {user.name}
        </span>
        <Badge tone={user.role === 'admin' ? 'info' : 'neutral'}>{roleLabels[user.role]}</Badge>
      </p>
      <Button
        variant="outline"
        aria-busy={signOut.isPending}
        aria-disabled={signOut.isPending}
        onClick={signOut.isPending ? undefined : () => signOut.mutate()}
      >
        {signOut.isPending ? <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" /> : <LogOut aria-hidden="true" className="size-3.5" />}
        Sign out
      </Button>
    </div>
  );
}
