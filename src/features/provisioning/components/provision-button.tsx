import { Loader2, Play } from 'lucide-react';
import { useState } from 'react';
import type { Order } from '@/contract/order';
import { Button } from '@/components/ui/button/button';
import { useToast } from '@/components/ui/toast/toast-store';
import { provisionAction, type ProvisionAction } from '@/domain/provisioning-rules';
import { useProvisionOrder } from '../api/provision-order';
import { useFollowedRun, useProvisioningActions, useRequestInFlight } from '../store/provisioning-store';
import { answerToast, requestFailedToast } from './provision-toasts';
import { LazyRetryConfirmDialog } from './lazy-retry-confirm-dialog';

/**
 * The order's Provision or Retry button, for users who may act: the page and the drawer leave it out
 * for support agents, so a long list does not ask every row who is signed in.
 */
export function ProvisionButton({ order }: { order: Order }) {
  const orderId = order._id;
  const action = provisionAction(order);
  const inFlight = useRequestInFlight(orderId);
  const followed = useFollowedRun(orderId);
  const { beginRequest, endRequest } = useProvisioningActions();
  const { show } = useToast();
  const { mutateAsync } = useProvisionOrder();
  const [confirming, setConfirming] = useState(false);

  // While this admin's request or run is under way, the button keeps the label it was clicked
  // with, even if the rule would now hide it (a paid order whose run is provisioning).
  const shown = inFlight ?? followed?.action ?? action;
  if (!shown) return null;
  const busy = inFlight !== undefined || followed !== undefined || order.activeRun !== null;

  async function provision(clicked: ProvisionAction, reason?: string) {
    // The store, not this render's `busy`, decides: clicks queued before React re-renders see it too.
    if (!beginRequest(orderId, clicked)) return;
    try {
      // mutateAsync, not mutate callbacks: these still run if the row unmounts meanwhile (filtered out).
      const answer = await mutateAsync({ orderId, ...(reason ? { reason } : {}) });
      endRequest(orderId, answer.code === 'PROVISIONING_STARTED');
      show(answerToast(orderId, answer));
    } catch (error) {
      endRequest(orderId, false);
      show(requestFailedToast(orderId, error instanceof Error ? error.message : 'The request failed unexpectedly'));
    }
  }

  return (
    <>
      <Button
        variant={shown.variant}
        aria-busy={busy}
        // aria-disabled rather than disabled: the button stays focusable and keeps its name for screen readers.
        aria-disabled={busy}
        aria-haspopup={action?.variant === 'destructive' ? 'dialog' : undefined}
        onClick={() => {
          if (busy || !action) return;
          // A failed order is retried on purpose: the admin sees the last error first and may say why.
          if (action.variant === 'destructive') setConfirming(true);
          else void provision(action);
        }}
      >
        {busy ? (
          <Loader2 aria-hidden="true" className="size-3.5 animate-spin" />
        ) : (
          <Play aria-hidden="true" className="size-3.5" />
        )}
        {shown.kind === 'retry' ? 'Retry' : 'Provision'}
      </Button>
      {action?.variant === 'destructive' ? (
        <LazyRetryConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          orders={[order]}
          onConfirm={(reason) => {
            setConfirming(false);
            void provision(action, reason);
          }}
        />
      ) : null}
    </>
  );
}
