import { createRoute } from '@tanstack/react-router';
import { manageOrdersRoute } from './manage-orders';

/**
 * One order in a drawer over the list: its own URL, the list's filters kept in the search. Its
 * components load with the first drawer opened (`order-detail.lazy.tsx`): the list's first paint
 * does not wait for the drawer, the timeline, the credentials panel or Radix Dialog.
 */
export const orderDetailRoute = createRoute({
  getParentRoute: () => manageOrdersRoute,
  path: '$orderId',
}).lazy(async () => (await import('./order-detail.lazy')).orderDetailLazyRoute);
