import { CircleAlert, TriangleAlert } from 'lucide-react';
import { memo, type ReactNode } from 'react';
import type { Order } from '@/contract/order';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { attentionReason, waitedMs } from '@/domain/attention';
import { progressSteps, stepStates } from '@/domain/progress';
import { blockedReason, isPaid, isProvisioned } from '@/domain/provisioning-rules';
import { formatClockTime, formatDuration, formatExactTime, formatRelativeTime } from '@/lib/time';
import {
  attentionLabels,
  errorClassLabels,
  providerLabels,
  provisioningLabels,
  provisioningTones,
  runStepLabels,
  statusLabels,
  statusTones,
} from '../labels';
import { OrderLink } from './order-link';
import { ProgressMeter, type ProgressStates } from './progress-meter';

/** Narrow screens scroll the table sideways; the actions stay pinned to the right edge, opaque. */
export const actionCellClasses = 'sticky right-0 shadow-[inset_1px_0_0] shadow-gray-200 dark:shadow-gray-800';

/**
 * The row's time-dependent words, worked out for the rows on screen only and passed as strings, so
 * a memoised row re-renders when its text changes, not on every tick.
 */
export type RowTexts = {
  lastAttempt: string | null;
  /** "Provisioning failed · waiting 3 h 20 min": why the order is in Needs attention. */
  attention: string | null;
  /** "Stuck since 11:35 (25 min)". */
  stuck: string | null;
  /** Why there is no button, or why the backend would refuse it now. */
  blocked: string | null;
  /** Only for orders being (or to be) provisioned: a cancelled or unpaid order has no progress to show. */
  progress: ProgressStates | null;
};

export function rowTexts(order: Order, now: number): RowTexts {
  const reason = attentionReason(order, now);
  const since = order.lastProvisionAttempt;
  return {
    lastAttempt: since ? formatRelativeTime(since, new Date(now).toISOString()) : null,
    attention: reason ? `${attentionLabels[reason]} · waiting ${formatDuration(waitedMs(order, now))}` : null,
    stuck:
      reason === 'stuck' && since
        ? `Stuck since ${formatClockTime(since)} (${formatDuration(now - Date.parse(since))})`
        : null,
    // A provisioned order needs no explanation on every row of a long history; the badge says it.
    blocked: isProvisioned(order) ? null : blockedReason(order, now),
    progress: isPaid(order) ? stepStates(order, now) : null,
  };
}

type OrderRowProps = {
  /** Unchanged orders keep their identity across refetches (React Query's structural sharing). */
  order: Order;
  /** Position in the whole list, for `aria-rowindex`. */
  index: number;
  texts: RowTexts;
  renderAction: (order: Order) => ReactNode;
  /** Present when the table has a checkbox column. */
  selected: boolean | undefined;
  /** Present when this order may be selected. */
  onToggle: ((orderId: string) => void) | undefined;
};

// Memoised: a list of thousands of orders is refetched every 2 s while any run is under way.
export const OrderRow = memo(
  function OrderRow({ order, index, texts, renderAction, selected, onToggle }: OrderRowProps) {
    const provisioning = order.provisioningStatus ?? 'none';
    return (
      <tr
        aria-rowindex={index + 2}
        className="bg-white align-top hover:bg-gray-50 dark:bg-gray-900 dark:hover:bg-gray-800"
      >
        {selected === undefined ? null : (
          <td className="px-3 py-2">
            {onToggle ? (
              <input
                type="checkbox"
                checked={selected}
                onChange={() => onToggle(order._id)}
                aria-label={`Select ${order._id}`}
                className="size-4 accent-blue-600"
              />
            ) : null}
          </td>
        )}
        <th scope="row" className="px-3 py-2 font-mono font-medium whitespace-nowrap">
          <OrderLink orderId={order._id} />
        </th>
        <td className="px-3 py-2">
          <div className="font-medium">{order.customer.name}</div>
          <div className="text-gray-500 dark:text-gray-400">
            <Email address={order.customer.email} />
          </div>
        </td>
        <td className="px-3 py-2">
          <div>{order.product}</div>
          <div className="text-gray-500 dark:text-gray-400">{providerLabels[order.provider]}</div>
        </td>
        <td className="px-3 py-2">
          <Badge tone={statusTones[order.status]}>{statusLabels[order.status]}</Badge>
        </td>
        <td className="px-3 py-2">
          <Badge tone={provisioningTones[provisioning]}>{provisioningLabels[provisioning]}</Badge>
          {texts.progress ? <ProgressMeter states={texts.progress} /> : null}
          {order.activeRun ? (
            <div className="mt-1 text-xs text-gray-600 dark:text-gray-300">
              {runStepLabels[order.activeRun.step]} (attempt {order.activeRun.attempt} of {order.activeRun.maxAttempts})
            </div>
          ) : null}
          {texts.stuck ? <div className="mt-1 text-xs text-amber-800 dark:text-amber-300">{texts.stuck}</div> : null}
          {texts.attention ? (
            <div className="mt-1 flex items-start gap-1 text-xs font-medium text-red-700 dark:text-red-300">
              <TriangleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
              {texts.attention}
            </div>
          ) : null}
        </td>
        <td className="px-3 py-2 font-mono">{order.ipAddress ?? <Missing />}</td>
        <td className="px-3 py-2">
          {order.lastProvisionAttempt ? (
            <time dateTime={order.lastProvisionAttempt} title={formatExactTime(order.lastProvisionAttempt)}>
              {texts.lastAttempt}
            </time>
          ) : (
            <Missing />
          )}
        </td>
        <td className="px-3 py-2">
          {order.provisioningError ? (
            <span className="flex items-start gap-1 text-red-700 dark:text-red-300">
              <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
              <span>
                {order.provisioningErrorClass ? (
                  <span className="font-semibold">{errorClassLabels[order.provisioningErrorClass]}: </span>
                ) : null}
                {order.provisioningError}
              </span>
            </span>
          ) : (
            <Missing />
          )}
        </td>
        <td className={`bg-inherit px-3 py-2 ${actionCellClasses}`}>
          <div className="flex flex-col items-start gap-1">
            {renderAction(order)}
            {texts.blocked ? <span className="text-xs text-gray-600 dark:text-gray-300">{texts.blocked}</span> : null}
          </div>
        </td>
      </tr>
    );
  },
  (before, after) =>
    before.order === after.order &&
    before.index === after.index &&
    before.selected === after.selected &&
    before.onToggle === after.onToggle &&
    before.renderAction === after.renderAction &&
    shallowEqualTexts(before.texts, after.texts),
);

function shallowEqualTexts(a: RowTexts, b: RowTexts): boolean {
  return (
    a.lastAttempt === b.lastAttempt &&
    a.attention === b.attention &&
    a.stuck === b.stuck &&
    a.blocked === b.blocked &&
    (a.progress === b.progress || progressSteps.every((step) => a.progress?.[step] === b.progress?.[step]))
  );
}

/** One order that failed to render: the rest of the table stays usable. */
export function RowError({
  orderId,
  index,
  columnCount,
  message,
  onRetry,
}: {
  orderId: string;
  index: number;
  columnCount: number;
  message: string;
  onRetry: () => void;
}) {
  return (
    <tr aria-rowindex={index + 2}>
      <th scope="row" className="px-3 py-2 font-mono font-medium whitespace-nowrap">
        {orderId}
      </th>
      <td colSpan={columnCount - 1} className="px-3 py-2">
        <div role="alert" className="flex flex-wrap items-center gap-3 text-red-700 dark:text-red-300">
          <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
          <span className="flex-1">This order could not be shown: {message}</span>
          <Button variant="outline" onClick={onRetry}>
            Show again
          </Button>
        </div>
      </td>
    </tr>
  );
}

/** Wraps before the @ when the column is too narrow, rather than anywhere in the address. */
function Email({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
}

function Missing() {
  return <span className="text-gray-400 dark:text-gray-500">—</span>;
}
