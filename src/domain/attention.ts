import type { Order } from '@/contract/order';
import { isPaid, stuckWindowLeftMs } from './provisioning-rules';

/**
 * Which orders need an admin, written once: the backend filters and counts with it, the console
 * labels rows with it (README: "Needs attention").
 */
export type AttentionReason = 'failed' | 'stuck' | 'neverProvisioned';

export type AttentionInput = Pick<
  Order,
  'status' | 'provisioningStatus' | 'ipAddress' | 'lastProvisionAttempt' | 'activeRun' | 'resolution'
>;

/** Only a paid order can need an admin; a backend may index on this to run the rule on those alone. */
export function canNeedAttention(order: Pick<Order, 'status'>): boolean {
  return isPaid(order);
}

export function attentionReason(order: AttentionInput, now: number): AttentionReason | null {
  if (!canNeedAttention(order)) return null;
  // Someone fixed it outside the console, or a run is working on it right now.
  if (order.resolution || order.activeRun) return null;
  if (order.provisioningStatus === 'failed') return 'failed';
  if (order.provisioningStatus === 'provisioning' && !order.ipAddress && stuckWindowLeftMs(order, now) === 0)
    return 'stuck';
  if (order.provisioningStatus === null) return 'neverProvisioned';
  return null;
}

/** How long the customer has waited for their server: since payment (or the order, if unpaid). */
export function waitedMs(order: Pick<Order, 'paidAt' | 'createdAt'>, now: number): number {
  return Math.max(0, now - Date.parse(order.paidAt ?? order.createdAt));
}

/** Needs attention's order: the customer who has waited longest first, then by id so it is stable. */
export function longestWaitingFirst(
  a: Pick<Order, '_id' | 'paidAt' | 'createdAt'>,
  b: Pick<Order, '_id' | 'paidAt' | 'createdAt'>,
): number {
  const byWait = Date.parse(a.paidAt ?? a.createdAt) - Date.parse(b.paidAt ?? b.createdAt);
  return byWait !== 0 ? byWait : a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}
