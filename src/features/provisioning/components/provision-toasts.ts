import type { Order } from '@/contract/order';
import { provisionMessages, type BulkProvisionResponse, type ProvisionOutcomeCode } from '@/contract/provision-api';
import type { ToastInput } from '@/components/ui/toast/toast-store';
import { STUCK_AFTER_MS } from '@/domain/provisioning-rules';
import { formatWait } from '@/lib/time';

/** The part of a `ProvisionResponse` the admin is told about. */
type ProvisionAnswer =
  | { code: 'PROVISIONING_STARTED' | 'ALREADY_PROVISIONED' }
  | { code: 'PROVISIONING_IN_PROGRESS'; retryAfterSeconds: number };

/** What the admin is told when the provision endpoint answered. */
export function answerToast(orderId: string, answer: ProvisionAnswer): ToastInput {
  switch (answer.code) {
    case 'PROVISIONING_STARTED':
      return { tone: 'info', title: provisionMessages.started, description: orderId };
    case 'ALREADY_PROVISIONED':
      return { tone: 'success', title: provisionMessages.alreadyProvisioned, description: orderId };
    case 'PROVISIONING_IN_PROGRESS':
      return {
        tone: 'warning',
        title: provisionMessages.inProgress,
        description: `Retry allowed in ${formatWait(answer.retryAfterSeconds)}`,
      };
  }
}

/** The request failed: `message` is the server's own words where it sent some. */
export function requestFailedToast(orderId: string, message: string): ToastInput {
  return { tone: 'error', title: `Could not provision ${orderId}`, description: message };
}

/** What a followed run ended in, once the order has no live run any more. */
export function settledRunToast(
  order: Pick<Order, '_id' | 'provisioningStatus' | 'ipAddress' | 'provisioningError'>,
): ToastInput {
  const orderId = order._id;
  switch (order.provisioningStatus) {
    case 'active':
      return {
        tone: 'success',
        title: `${orderId} is active`,
        description: order.ipAddress ? `IP address ${order.ipAddress}` : undefined,
      };
    case 'failed':
      return {
        tone: 'error',
        title: `Provisioning ${orderId} failed`,
        description: order.provisioningError ?? 'The provider gave no reason',
      };
    case 'provisioning':
      return {
        tone: 'warning',
        title: `${orderId} has no IP address yet`,
        description: `The VPS was bought but the provider has not assigned an IP address. A retry becomes possible after ${STUCK_AFTER_MS / 60_000} minutes.`,
      };
    case null:
      return {
        tone: 'warning',
        title: `Provisioning ${orderId} ended without a result`,
        description: 'Check the order and try again.',
      };
  }
}

/** How each bulk answer is counted and listed; the order is the summary's. */
const bulkOutcomeWords: Record<ProvisionOutcomeCode, string> = {
  PROVISIONING_STARTED: 'started',
  ALREADY_PROVISIONED: 'already provisioned',
  PROVISIONING_IN_PROGRESS: 'in progress',
  NOT_ELIGIBLE: 'refused',
  ORDER_NOT_FOUND: 'not found',
};

/** One toast for a bulk retry: the counts in the title, each order's answer in the description. */
export function bulkRetryToast({ results }: BulkProvisionResponse): ToastInput {
  const counts = Object.entries(bulkOutcomeWords)
    .map(([code, words]) => [results.filter((result) => result.code === code).length, words] as const)
    .filter(([count]) => count > 0)
    .map(([count, words]) => `${count} ${words}`);
  const lines = results.map((result) => {
    const words = bulkOutcomeWords[result.code];
    const detail =
      result.code === 'PROVISIONING_IN_PROGRESS' && result.retryAfterSeconds !== null
        ? ` (retry in ${formatWait(result.retryAfterSeconds)})`
        : result.code === 'NOT_ELIGIBLE'
          ? ` (${result.message})`
          : '';
    return `${result.orderId}: ${words}${detail}`;
  });
  const allStarted = results.every((result) => result.code === 'PROVISIONING_STARTED');
  return {
    tone: allStarted ? 'info' : results.some((result) => result.code === 'PROVISIONING_STARTED') ? 'warning' : 'error',
    title: `Bulk retry: ${counts.join(', ')}`,
    description: lines.join('\n'),
  };
}
