import { Hourglass } from 'lucide-react';
import type { Order } from '@/contract/order';
import { stuckWindowLeftMs } from '@/domain/provisioning-rules';
import { formatClockTime, formatCountdown, formatDuration, formatExactTime } from '@/lib/time';

type StuckNoticeProps = {
  order: Pick<Order, 'provisioningStatus' | 'ipAddress' | 'activeRun' | 'lastProvisionAttempt'>;
  /** The server's time (ms), ticking. */
  now: number;
};

/**
 * For an order left provisioning with no IP and no run known to be working on it: since when, and
 * a countdown to the end of the window in which the backend presumes the attempt alive and refuses
 * a retry. Past the window it is stuck.
 */
export function StuckNotice({ order, now }: StuckNoticeProps) {
  const since = order.lastProvisionAttempt;
  if (
    order.provisioningStatus !== 'provisioning' ||
    order.ipAddress !== null ||
    order.activeRun !== null ||
    since === null
  )
    return null;
  const windowLeftMs = stuckWindowLeftMs(order, now);
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p className="flex items-center gap-2 font-medium">
        <Hourglass aria-hidden="true" className="size-4 shrink-0" />
        <span>
          {/* Stuck only past the window, as the attention rule says; inside it the attempt is presumed alive. */}
          {windowLeftMs > 0 ? 'Provisioning since' : 'Stuck since'}{' '}
          <time dateTime={since} title={formatExactTime(since)}>
            {formatClockTime(since)}
          </time>{' '}
          ({formatDuration(now - Date.parse(since))})
        </span>
      </p>
      <p role="timer" className="pl-6 font-mono tabular-nums">
        {windowLeftMs > 0 ? `Retry allowed in ${formatCountdown(windowLeftMs)}` : 'Retry allowed now'}
      </p>
    </div>
  );
}
