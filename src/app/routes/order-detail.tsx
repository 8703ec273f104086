import { createRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { Order } from '@/contract/order';
import { OrderDetailDrawer } from '@/features/order-detail/components/order-detail-drawer';
import { ProvisionButton } from '@/features/provisioning/components/provision-button';
import { ResolveButton } from '@/features/provisioning/components/resolve-button';
import { manageOrdersRoute } from './manage-orders';

/** One order in a drawer over the list: its own URL, the list's filters kept in the search. */
export const orderDetailRoute = createRoute({
  getParentRoute: () => manageOrdersRoute,
  path: '$orderId',
  component: OrderDetailPage,
});

function renderActions(order: Order, now: number) {
  return (
    <>
      <ProvisionButton order={order} />
      <ResolveButton order={order} now={now} />
    </>
  );
}

function OrderDetailPage() {
  const { orderId } = orderDetailRoute.useParams();
  const navigate = orderDetailRoute.useNavigate();
  const close = useCallback(() => void navigate({ to: '/admin/manageOrders', search: true, resetScroll: false }), [navigate]);
  return <OrderDetailDrawer orderId={orderId} onClose={close} renderActions={renderActions} />;
}
