import { CircleCheckBig, Info } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import type { Order } from '@/contract/order';
import type { OrderDetailResponse } from '@/contract/orders-api';
import { Badge } from '@/components/ui/badge/badge';
import { blockedReason } from '@/domain/provisioning-rules';
import { providerLabels, provisioningLabels, provisioningTones, statusLabels, statusTones } from '@/features/orders';
import { useClockNow } from '@/lib/clock';
import { formatExactTime } from '@/lib/time';
import { CredentialsPanel } from './credentials-panel';
import { ErrorNotice } from './error-notice';
import { OrderTimeline } from './order-timeline';
import { ProgressSteps } from './progress-steps';
import { StuckNotice } from './stuck-notice';

/** The stuck countdown shows seconds. */
const TICK_MS = 1_000;

export type RenderDetailActions = (order: Order, now: number) => ReactNode;

type OrderDetailProps = {
  detail: OrderDetailResponse;
  /** When the answer arrived (wall-clock ms): the server's time ticks on from it. */
  receivedAt: number;
  canAct: boolean;
  renderActions: RenderDetailActions;
};

export function OrderDetail({ detail, receivedAt, canAct, renderActions }: OrderDetailProps) {
  const { order, attempts, audit, credentials } = detail;
  // The server's time ticking on, not the browser's clock: a skewed browser clock cannot shorten a countdown.
  const now = useClockNow({ time: detail.serverTime, readAt: receivedAt }, TICK_MS);
  const progressHeadingId = useId();
  const provisioning = order.provisioningStatus ?? 'none';
  const blocked = blockedReason(order, now);

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <p className="text-sm">
          <span className="font-medium">{order.customer.name}</span>{' '}
          <span className="text-gray-600 dark:text-gray-400">{order.customer.email}</span>
        </p>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          {order.product} · {providerLabels[order.provider]}
        </p>
        <div className="flex flex-wrap gap-2">
          <Badge tone={statusTones[order.status]}>Order: {statusLabels[order.status]}</Badge>
          <Badge tone={provisioningTones[provisioning]}>Provisioning: {provisioningLabels[provisioning]}</Badge>
        </div>
      </div>

      {canAct ? <div className="flex flex-wrap gap-2 empty:hidden">{renderActions(order, now)}</div> : null}
      {blocked ? (
        <p className="flex items-start gap-2 text-sm text-gray-700 dark:text-gray-300">
          <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {blocked}
        </p>
      ) : null}

      <section aria-labelledby={progressHeadingId} className="space-y-2">
        <h3 id={progressHeadingId} className="text-base font-semibold">
          Progress
        </h3>
        <ProgressSteps order={order} now={now} />
        <StuckNotice order={order} now={now} />
      </section>

      <ErrorNotice order={order} />

      {order.resolution ? (
        <section className="space-y-1 rounded-md border border-green-300 bg-green-50 p-3 text-sm dark:border-green-800 dark:bg-green-950">
          <h3 className="flex items-center gap-2 font-semibold">
            <CircleCheckBig aria-hidden="true" className="size-4 shrink-0 text-green-700 dark:text-green-300" />
            Resolved outside the console
          </h3>
          <p>
            By {order.resolution.by}, <time dateTime={order.resolution.at}>{formatExactTime(order.resolution.at)}</time>
          </p>
          <p className="break-words">Reason: {order.resolution.reason}</p>
        </section>
      ) : null}

      <CredentialsPanel order={order} credentials={credentials} canAct={canAct} />
      <OrderTimeline attempts={attempts} audit={audit} now={new Date(now).toISOString()} />
    </div>
  );
}
