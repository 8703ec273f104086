import { Loader2, Play } from 'lucide-react';
import { useState } from 'react';
import type { Order } from '@/contract/order';
import { Button } from '@/components/ui/button/button';
import { useToast } from '@/components/ui/toast/toast-store';
import { provisionAction } from '@/domain/provisioning-rules';
import { useBulkProvision } from '../api/bulk-provision';
import { useProvisioningActions } from '../store/provisioning-store';
import { bulkRetryToast } from './provision-toasts';
import { LazyRetryConfirmDialog } from './lazy-retry-confirm-dialog';

/** An order a bulk retry may include: one with a button and no run of its own under way. */
export function canBulkRetry(order: Order): boolean {
  return provisionAction(order) !== null && order.activeRun === null;
}

/**
 * "3 selected · Retry selected": after a confirmation, one request for all of them; each order goes
 * through the guard, started ones are followed like a single click's, and one toast sums it up.
 */
export function BulkRetryBar({ orders, onDone }: { orders: readonly Order[]; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { beginRequest, endRequest } = useProvisioningActions();
  const { show } = useToast();
  const { mutateAsync, isPending } = useBulkProvision();

  async function retry(reason: string | undefined) {
    // Orders this tab is already provisioning stay out: their own request will answer for them.
    const claimed = orders.filter((order) => {
      const action = provisionAction(order);
      return action !== null && beginRequest(order._id, action);
    });
    if (claimed.length === 0) return;
    try {
      const answer = await mutateAsync({ orderIds: claimed.map((order) => order._id), ...(reason ? { reason } : {}) });
      for (const order of claimed) {
        endRequest(
          order._id,
          answer.results.some((result) => result.orderId === order._id && result.code === 'PROVISIONING_STARTED'),
        );
      }
      show(bulkRetryToast(answer));
      onDone();
    } catch (error) {
      for (const order of claimed) endRequest(order._id, false);
      show({
        tone: 'error',
        title: `Could not retry ${claimed.length} ${claimed.length === 1 ? 'order' : 'orders'}`,
        description: error instanceof Error ? error.message : 'The request failed unexpectedly',
      });
    }
  }

  return (
    <section
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-3 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm dark:border-blue-900 dark:bg-blue-950/40"
    >
      <span aria-live="polite" className="font-medium">
        {orders.length} selected
      </span>
      <Button
        variant="destructive"
        aria-busy={isPending}
        aria-disabled={isPending}
        aria-haspopup="dialog"
        onClick={() => {
          if (!isPending) setConfirming(true);
        }}
      >
        {isPending ? (
          <Loader2 aria-hidden="true" className="size-3.5 animate-spin" />
        ) : (
          <Play aria-hidden="true" className="size-3.5" />
        )}
        Retry selected
      </Button>
      <Button variant="outline" onClick={onDone}>
        Clear selection
      </Button>
      <LazyRetryConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        orders={orders}
        onConfirm={(reason) => {
          setConfirming(false);
          void retry(reason);
        }}
      />
    </section>
  );
}
