import { createLazyRoute, getRouteApi, type ErrorComponentProps } from '@tanstack/react-router';
import { useCallback } from 'react';
import { Button } from '@/components/ui/button/button';
import { Dialog } from '@/components/ui/dialog/dialog';
import type { Order } from '@/contract/order';
import { OrderDetailDrawer } from '@/features/order-detail';
import { ProvisionButton, ResolveButton } from '@/features/provisioning';

// The route's id: its path under the pathless signed-in layout.
const ORDER_DETAIL_ROUTE_ID = '/signed-in/admin/manageOrders/$orderId';
const orderDetailApi = getRouteApi(ORDER_DETAIL_ROUTE_ID);

export const orderDetailLazyRoute = createLazyRoute(ORDER_DETAIL_ROUTE_ID)({
  component: OrderDetailPage,
  // A render bug in the drawer stays in the drawer: the list behind it keeps working.
  errorComponent: OrderDetailError,
});

function renderActions(order: Order, now: number) {
  return (
    <>
      <ProvisionButton order={order} />
      <ResolveButton order={order} now={now} />
    </>
  );
}

/** Closes the drawer onto the list as it was: same filters, same scroll position. */
function useBackToOrders(): () => void {
  const navigate = orderDetailApi.useNavigate();
  return useCallback(() => void navigate({ to: '/admin/manageOrders', search: true, resetScroll: false }), [navigate]);
}

function OrderDetailPage() {
  const { orderId } = orderDetailApi.useParams();
  const close = useBackToOrders();
  return <OrderDetailDrawer orderId={orderId} onClose={close} renderActions={renderActions} />;
}

function OrderDetailError({ error, reset }: ErrorComponentProps) {
  const close = useBackToOrders();
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : close())}
      placement="right"
      title="This order could not be shown"
    >
      <div role="alert" className="space-y-3 text-sm">
        <p>{error instanceof Error ? error.message : 'Unexpected error'}</p>
        <div className="flex gap-2">
          <Button variant="outline" onClick={reset}>
            Try again
          </Button>
          <Button variant="outline" onClick={close}>
            Back to orders
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
