import { Copy, Eye, EyeOff, Lock } from 'lucide-react';
import { useId, useState } from 'react';
import type { Credentials, Order } from '@/contract/order';
import { Button } from '@/components/ui/button/button';
import { useToast } from '@/components/ui/toast/toast-store';

const MASK = '••••••••';

type CredentialsPanelProps = {
  order: Pick<Order, '_id' | 'ipAddress'>;
  credentials: Credentials | null;
  /** Admins see the root login; support agents are told it exists. */
  canAct: boolean;
};

/**
 * The server's IP and root login once it is ready. The password stays in this component's props:
 * never in the URL, a store, a log or a toast.
 */
export function CredentialsPanel({ order, credentials, canAct }: CredentialsPanelProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-base font-semibold">
        Server access
      </h3>
      <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-4 gap-y-2 text-sm">
        <dt className="text-gray-600 dark:text-gray-400">IP address</dt>
        <dd className="font-mono">{order.ipAddress ?? 'Not assigned yet'}</dd>
        {canAct && credentials ? <RootLogin orderId={order._id} credentials={credentials} /> : null}
      </dl>
      {canAct ? (
        credentials ? null : (
          <p className="text-sm text-gray-600 dark:text-gray-400">
            The root login appears here once the server is active.
          </p>
        )
      ) : (
        <p className="flex items-center gap-2 text-sm text-gray-600 dark:text-gray-400">
          <Lock aria-hidden="true" className="size-4 shrink-0" />
          Credentials are visible to admins only.
        </p>
      )}
    </section>
  );
}

function RootLogin({ orderId, credentials }: { orderId: string; credentials: Credentials }) {
  const [revealed, setRevealed] = useState(false);
  const { show } = useToast();

  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(credentials.password);
      show({ tone: 'success', title: 'Password copied', description: `Root password of ${orderId}` });
    } catch {
      // Refused permission, an insecure page, or no clipboard at all: the reason is not worth logging.
      show({
        tone: 'error',
        title: 'Could not copy the password',
        description: 'The browser refused access to the clipboard. Reveal the password and copy it by hand.',
      });
    }
  }

  return (
    <>
      <dt className="text-gray-600 dark:text-gray-400">Username</dt>
      <dd className="font-mono">{credentials.username}</dd>
      <dt className="text-gray-600 dark:text-gray-400">Password</dt>
      <dd className="flex flex-wrap items-center gap-2">
        {revealed ? (
          <span className="font-mono break-all">{credentials.password}</span>
        ) : (
          <span className="font-mono">
            <span aria-hidden="true">{MASK}</span>
            <span className="sr-only">hidden</span>
          </span>
        )}
        <Button variant="outline" aria-pressed={revealed} onClick={() => setRevealed((shown) => !shown)}>
          {revealed ? (
            <EyeOff aria-hidden="true" className="size-3.5" />
          ) : (
            <Eye aria-hidden="true" className="size-3.5" />
          )}
          Reveal password
        </Button>
        <Button variant="outline" onClick={() => void copyPassword()}>
          <Copy aria-hidden="true" className="size-3.5" />
          Copy password
        </Button>
      </dd>
    </>
  );
}
