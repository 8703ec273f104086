import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useToast } from '@/components/ui/toast/toast-store';
import { getOrderQueryOptions, orderKeys } from '@/features/orders';
import { ApiError } from '@/lib/api-client';
import { useFollowedOrderIds, useFollowedRun, useProvisioningActions } from '../store/provisioning-store';
import { settledRunToast } from './provision-toasts';

const FOLLOW_POLL_MS = 1_500;
const MAX_POLL_BACKOFF_MS = 30_000;

/**
 * Follows every run this admin started until it settles, wherever the order is (filtered out of
 * the table, or the page reloaded), and reports how it ended. Mount once, near the app root.
 */
export function RunFollowers() {
  const orderIds = useFollowedOrderIds();
  return orderIds.map((orderId) => <RunFollower key={orderId} orderId={orderId} />);
}

function isNotFound(error: Error): boolean {
  return error instanceof ApiError && error.status === 404;
}

function RunFollower({ orderId }: { orderId: string }) {
  const startedAt = useFollowedRun(orderId)?.startedAt;
  const { stopFollowing } = useProvisioningActions();
  const { show } = useToast();
  const queryClient = useQueryClient();
  const { data, dataUpdatedAt, error } = useQuery({
    ...getOrderQueryOptions(orderId),
    refetchInterval: FOLLOW_POLL_MS,
    // A failed poll is retried with growing delays for as long as the run is followed, so the
    // order stays busy rather than idle-but-unknown; only an order that is gone ends the follow.
    retry: (_failures, pollError) => !isNotFound(pollError),
    retryDelay: (attempt) => Math.min(FOLLOW_POLL_MS * 2 ** attempt, MAX_POLL_BACKOFF_MS),
  });

  useEffect(() => {
    if (error && isNotFound(error)) {
      if (stopFollowing(orderId)) {
        show({ tone: 'error', title: `Stopped following ${orderId}`, description: error.message });
      }
      return;
    }
    // Only an answer fetched after the run started can tell that it ended; a cached one predates it.
    if (!data || startedAt === undefined || dataUpdatedAt <= startedAt || data.order.activeRun !== null) return;
    if (!stopFollowing(orderId)) return;
    show(settledRunToast(data.order));
    void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
  }, [data, dataUpdatedAt, error, orderId, queryClient, show, startedAt, stopFollowing]);

  return null;
}
