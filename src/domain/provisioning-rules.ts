import type { Order } from '@/contract/order';
import { formatDuration, formatWait } from '@/lib/time';

/**
 * The product's provisioning rules, written once: the console decides its button with
 * `provisionAction`, the backend answers `POST /api/orders/provision` with `provisionGuard`.
 */

/** A provisioning attempt younger than this is presumed alive; an older one is presumed stuck. */
export const STUCK_AFTER_MS = 10 * 60_000;

/** Retry-after for a run that is alive but older than the stuck window (e.g. queued behind a busy package). */
export const LIVE_RUN_RETRY_AFTER_SECONDS = 60;

export type ProvisionAction = { kind: 'provision' | 'retry'; variant: 'default' | 'destructive' };

export type ProvisionRuleInput = Pick<Order, 'status' | 'autoProvisioned' | 'provisioningStatus' | 'ipAddress'> &
  Partial<Pick<Order, 'resolution'>>;

/** Paid for and not yet active or cancelled: the only orders that may be provisioned. */
export function isPaid(order: Pick<Order, 'status'>): boolean {
  return order.status === 'paid' || order.status === 'confirmed';
}

/**
 * Which button an order gets; the first matching rule decides (README: "The button rule").
 * Provider-agnostic on purpose: the brief's code limited Retry to SmartVPS, its examples did not.
 */
export function provisionAction(order: ProvisionRuleInput): ProvisionAction | null {
  if (!isPaid(order)) return null;
  // Fixed outside the console: provisioning it here would buy a second server.
  if (order.resolution) return null;
  if (order.provisioningStatus === 'failed') return { kind: 'retry', variant: 'destructive' };
  if (order.status === 'confirmed' && order.autoProvisioned === true && !order.ipAddress) {
    return { kind: 'retry', variant: 'default' };
  }
  if (!order.autoProvisioned) return { kind: 'provision', variant: 'default' };
  return null;
}

export type GuardInput = Pick<
  Order,
  'status' | 'provisioningStatus' | 'ipAddress' | 'lastProvisionAttempt' | 'activeRun'
> &
  Partial<Pick<Order, 'resolution'>>;

export type GuardAnswer =
  | { code: 'ALLOWED' }
  | { code: 'ALREADY_PROVISIONED' }
  | { code: 'NOT_ELIGIBLE'; reason: string }
  | { code: 'PROVISIONING_IN_PROGRESS'; retryAfterSeconds: number };

export function isProvisioned(order: Pick<Order, 'status' | 'provisioningStatus' | 'ipAddress'>): boolean {
  return order.status === 'active' && order.provisioningStatus === 'active' && Boolean(order.ipAddress);
}

/** How a manual provision request is answered, before any run starts (README: "Guard answers"). */
export function provisionGuard(order: GuardInput, now: number): GuardAnswer {
  if (isProvisioned(order)) return { code: 'ALREADY_PROVISIONED' };
  if (!isPaid(order)) {
    return { code: 'NOT_ELIGIBLE', reason: notEligibleReason(order.status) };
  }
  if (order.resolution) {
    return {
      code: 'NOT_ELIGIBLE',
      reason: `Order was marked resolved by ${order.resolution.by}: ${order.resolution.reason}`,
    };
  }
  const windowLeftMs = stuckWindowLeftMs(order, now);
  // One run per order: a live run refuses a second one even past the window, which only
  // exists to let admins recover runs the backend lost (a crash, a status check that never returned).
  if (order.activeRun) {
    return {
      code: 'PROVISIONING_IN_PROGRESS',
      retryAfterSeconds: Math.max(Math.ceil(windowLeftMs / 1000), LIVE_RUN_RETRY_AFTER_SECONDS),
    };
  }
  if (order.provisioningStatus === 'provisioning' && windowLeftMs > 0) {
    return { code: 'PROVISIONING_IN_PROGRESS', retryAfterSeconds: Math.ceil(windowLeftMs / 1000) };
  }
  return { code: 'ALLOWED' };
}

/** Time until an order's last attempt is old enough to be presumed stuck; 0 once it is. */
export function stuckWindowLeftMs(order: Pick<Order, 'lastProvisionAttempt'>, now: number): number {
  if (!order.lastProvisionAttempt) return 0;
  return Math.max(0, Date.parse(order.lastProvisionAttempt) + STUCK_AFTER_MS - now);
}

export type BlockedInput = GuardInput & Pick<Order, 'autoProvisioned'>;

/**
 * Why an order has no button, or why the backend would refuse its button now, in the words the
 * admin reads beside it; null when a click would be allowed.
 */
export function blockedReason(order: BlockedInput, now: number): string | null {
  const answer = provisionGuard(order, now);
  switch (answer.code) {
    case 'ALREADY_PROVISIONED':
      return 'Already provisioned';
    case 'NOT_ELIGIBLE':
      return answer.reason;
    case 'PROVISIONING_IN_PROGRESS': {
      const since = order.activeRun?.startedAt ?? order.lastProvisionAttempt;
      const elapsedMs = since ? now - Date.parse(since) : 0;
      // "for 0 min" says nothing: a run younger than a minute is just "in progress".
      const running = elapsedMs >= 60_000 ? ` for ${formatDuration(elapsedMs)}` : '';
      return `In progress${running}, retry in ${formatWait(answer.retryAfterSeconds)}`;
    }
    case 'ALLOWED':
      if (provisionAction(order)) return null;
      // The rule's last row: a paid (not yet confirmed) order under automatic provisioning has no button.
      return order.provisioningStatus === 'provisioning'
        ? 'Automatic provisioning stopped without an IP; a paid order gets Retry once confirmed, or mark it resolved'
        : 'Automatic provisioning handles this order';
  }
}

function notEligibleReason(status: Order['status']): string {
  switch (status) {
    case 'pending':
      return 'Order is not paid yet';
    case 'cancelled':
      return 'Order is cancelled';
    case 'active':
      return 'Order is active without a provisioned server; fix it upstream';
    case 'paid':
    case 'confirmed':
      return 'Order can be provisioned';
  }
}
