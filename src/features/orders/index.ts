/**
 * The orders feature's front door: what the routes and other features may use; the rest is its own.
 * Re-exports only (see `featureFrontDoors` in vite.config.ts).
 */
export { getOrderQueryOptions } from './api/get-order';
export { getOrders, getOrdersQueryOptions, ORDERS_PAGE_SIZE } from './api/get-orders';
export { orderKeys } from './api/order-keys';
export { OrdersView, type BulkActions } from './components/orders-view';
export { parseOrderFilters } from './filters';
export {
  errorClassAdvice,
  errorClassLabels,
  providerLabels,
  provisioningLabels,
  provisioningTones,
  runStepLabels,
  statusLabels,
  statusTones,
} from './labels';
export { POLL_WHILE_RUNNING_MS } from './refresh';
