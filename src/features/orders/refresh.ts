import type { Order } from '@/contract/order';
import { stuckWindowLeftMs } from '@/domain/provisioning-rules';

/**
 * Runs move on their own server-side; the console follows them closely only while one is under way:
 * the list while any loaded order has one, the order detail while its order has one.
 */
export const POLL_WHILE_RUNNING_MS = 2_000;

/**
 * When the list should next refresh itself, in ms; false to stop polling. While a run is under way:
 * every 2 s. An order provisioning with no known run turns stuck (and joins Needs attention) when its
 * 10-minute window ends: one refresh then. Nothing provisioning: no polling at all.
 */
export function listRefreshDelay(
  orders: readonly Pick<Order, 'activeRun' | 'provisioningStatus' | 'ipAddress' | 'lastProvisionAttempt'>[],
  serverNow: number,
): number | false {
  let nextWindowEnd = Infinity;
  for (const order of orders) {
    if (order.activeRun) return POLL_WHILE_RUNNING_MS;
    if (order.provisioningStatus !== 'provisioning' || order.ipAddress) continue;
    const left = stuckWindowLeftMs(order, serverNow);
    if (left > 0) nextWindowEnd = Math.min(nextWindowEnd, left);
  }
  return nextWindowEnd === Infinity ? false : Math.max(nextWindowEnd, POLL_WHILE_RUNNING_MS);
}
