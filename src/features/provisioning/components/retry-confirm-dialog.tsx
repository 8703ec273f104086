import { CircleAlert, Info } from 'lucide-react';
import { useId, useState } from 'react';
import { REASON_MAX_LENGTH, type Order } from '@/contract/order';
import { Button } from '@/components/ui/button/button';
import { Dialog } from '@/components/ui/dialog/dialog';
import { errorClassAdvice } from '@/features/orders';

export type RetryConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** One order (its Retry button) or several (bulk retry). */
  orders: readonly Pick<Order, '_id' | 'provisioningError' | 'provisioningErrorClass'>[];
  onConfirm: (reason: string | undefined) => void;
};

/**
 * "Retry ORD-1002?": the last error, what its class means, and an optional reason for the timeline.
 * Mounted only while open (`LazyRetryConfirmDialog`), so each opening starts with an empty reason.
 */
export function RetryConfirmDialog({ open, onOpenChange, orders, onConfirm }: RetryConfirmDialogProps) {
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const single = orders.length === 1 ? orders[0] : undefined;
  const title = single ? `Retry ${single._id}?` : `Retry ${orders.length} orders?`;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={
        single
          ? 'A new provisioning run starts at once. Check the last error first.'
          : 'Each order goes through the same checks as its own Retry button; orders of one package are bought one at a time.'
      }
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(reason.trim() || undefined);
        }}
      >
        <ul className="max-h-60 space-y-2 overflow-y-auto">
          {orders.map((order) =>
            order.provisioningError ? (
              <li
                key={order._id}
                className="rounded-md border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40"
              >
                <div className="flex items-start gap-2">
                  <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-700 dark:text-red-300" />
                  <div className="space-y-1">
                    <p>
                      <span className="font-mono font-semibold">{order._id}</span>: {order.provisioningError}
                    </p>
                    {order.provisioningErrorClass ? (
                      <p className="text-gray-700 dark:text-gray-300">
                        {errorClassAdvice[order.provisioningErrorClass]}
                      </p>
                    ) : null}
                  </div>
                </div>
              </li>
            ) : (
              // In a bulk retry: an order never provisioned, or stuck without an error, has nothing to warn about.
              <li
                key={order._id}
                className="flex items-start gap-2 rounded-md border border-gray-200 p-3 text-sm dark:border-gray-700"
              >
                <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-gray-600 dark:text-gray-300" />
                <p>
                  <span className="font-mono font-semibold">{order._id}</span>: no error recorded, a run starts
                </p>
              </li>
            ),
          )}
        </ul>
        <div className="flex flex-col gap-1">
          <label htmlFor={reasonId} className="text-sm font-medium">
            Reason (optional, kept in the timeline)
          </label>
          <textarea
            id={reasonId}
            value={reason}
            maxLength={REASON_MAX_LENGTH}
            rows={2}
            onChange={(event) => setReason(event.target.value)}
            className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-600 dark:bg-gray-950"
          />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="destructive">
            {single ? `Retry ${single._id}` : `Retry ${orders.length} orders`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
