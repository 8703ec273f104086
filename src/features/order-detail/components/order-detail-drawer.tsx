import { CircleAlert, SearchX } from 'lucide-react';
import { Button } from '@/components/ui/button/button';
import { Dialog } from '@/components/ui/dialog/dialog';
import { orderNotFoundMessage } from '@/contract/orders-api';
import { useCanAct } from '@/features/auth';
import { ApiError } from '@/lib/api-client';
import { useOrderDetail } from '../api/get-order-detail';
import { OrderDetail, type RenderDetailActions } from './order-detail';

type OrderDetailDrawerProps = {
  orderId: string;
  /** Called on Escape, the close button or "Back to orders": the route navigates back to the list. */
  onClose: () => void;
  /** The admin's buttons for the order; supplied by the route, so this feature needs no other feature. */
  renderActions: RenderDetailActions;
};

/** One order in a right-hand drawer over the list, open for as long as its route is. */
export function OrderDetailDrawer({ orderId, onClose, renderActions }: OrderDetailDrawerProps) {
  const { data, dataUpdatedAt, error, isFetching, refetch } = useOrderDetail(orderId);
  const canAct = useCanAct();
  const notFound = error instanceof ApiError && error.status === 404;

  let content;
  if (notFound) {
    content = (
      <div className="space-y-3 py-8 text-center">
        <SearchX aria-hidden="true" className="mx-auto size-8 text-gray-500 dark:text-gray-400" />
        <p className="font-medium">{orderNotFoundMessage(orderId)}</p>
        <Button variant="outline" onClick={onClose}>
          Back to orders
        </Button>
      </div>
    );
  } else if (data) {
    content = (
      <>
        {error ? (
          <LoadError
            message={`Could not refresh: ${error.message}`}
            retrying={isFetching}
            onRetry={() => void refetch()}
          />
        ) : null}
        <OrderDetail detail={data} receivedAt={dataUpdatedAt} canAct={canAct} renderActions={renderActions} />
      </>
    );
  } else if (error) {
    content = <LoadError message={error.message} retrying={isFetching} onRetry={() => void refetch()} />;
  } else {
    content = <DetailSkeleton />;
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      placement="right"
      title={`Order ${orderId}`}
    >
      {content}
    </Dialog>
  );
}

function LoadError({ message, retrying, onRetry }: { message: string; retrying: boolean; onRetry: () => void }) {
  return (
    <div
      role="alert"
      className="mb-4 flex items-start gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950"
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-700 dark:text-red-300" />
      <p className="flex-1 break-words">{message}</p>
      <Button
        variant="outline"
        aria-disabled={retrying}
        onClick={() => {
          if (!retrying) onRetry();
        }}
      >
        Try again
      </Button>
    </div>
  );
}

function DetailSkeleton() {
  return (
    <div aria-busy="true" className="space-y-4">
      <p className="sr-only">Loading the order…</p>
      {['w-2/3', 'w-1/2', 'w-full', 'w-5/6', 'w-full'].map((width, index) => (
        <div
          key={index}
          aria-hidden="true"
          className={`h-4 animate-pulse rounded bg-gray-200 dark:bg-gray-700 ${width}`}
        />
      ))}
    </div>
  );
}
