import { createRoute, Outlet } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { Order } from '@/contract/order';
import type { OrderFilters } from '@/contract/orders-api';
import { useCanAct } from '@/features/auth';
import { getOrdersQueryOptions, OrdersView, parseOrderFilters, type BulkActions } from '@/features/orders';
import { BulkRetryBar, canBulkRetry, ProvisionButton } from '@/features/provisioning';
import { signedInRoute } from './signed-in';

export const manageOrdersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/manageOrders',
  // The filters live in the URL, so a link reproduces the view.
  validateSearch: parseOrderFilters,
  loaderDeps: ({ search: { view, status, provider, provisioning, q } }) => ({
    view,
    status,
    provider,
    provisioning,
    q,
  }),
  // The list request leaves as the route matches, while the page renders, instead of after it: on
  // a first load the two overlap. Only when there is no answer yet (staleTime): opening the drawer
  // or coming back must not refetch what the page's own query keeps fresh.
  loader: ({ context: { queryClient }, deps }) => {
    void queryClient.prefetchInfiniteQuery({ ...getOrdersQueryOptions(deps), staleTime: Number.POSITIVE_INFINITY });
  },
  component: ManageOrdersPage,
});

// Module-level, so it is the same function on every render and the memoised rows stay untouched.
function renderProvisionButton(order: Order) {
  return <ProvisionButton order={order} />;
}

/** Support agents read: no button (the API would refuse them anyway, 403). */
function renderNoAction() {
  return null;
}

const bulkRetry: BulkActions = {
  selectable: canBulkRetry,
  render: (selected, clear) => <BulkRetryBar orders={selected} onDone={clear} />,
};

function ManageOrdersPage() {
  // The route's search also carries URL params it does not know; only the filters go to the API.
  const { view, status, provider, provisioning, q } = manageOrdersRoute.useSearch();
  const filters = { view, status, provider, provisioning, q };
  const canAct = useCanAct();
  const navigate = manageOrdersRoute.useNavigate();
  const changeFilters = useCallback(
    (patch: Partial<OrderFilters>) => void navigate({ search: (current) => ({ ...current, ...patch }), replace: true }),
    [navigate],
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Manage orders</h1>
      <OrdersView
        filters={filters}
        onFiltersChange={changeFilters}
        renderAction={canAct ? renderProvisionButton : renderNoAction}
        bulk={canAct ? bulkRetry : undefined}
      />
      {/* The order detail drawer (child route /admin/manageOrders/$orderId), over the list. */}
      <Outlet />
    </div>
  );
}
