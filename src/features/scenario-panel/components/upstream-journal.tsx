import type { UpstreamCall } from '@/contract/mock-control';
import { Badge, type BadgeTone } from '@/components/ui/badge/badge';
import { providerLabels } from '@/features/orders';
import { useUpstreamCalls } from '../api/get-upstream-calls';
import { journalCellClasses, JournalTable } from './journal-table';
import { InlineError, PanelSection } from './panel-section';

const outcomes: Record<UpstreamCall['outcome'], { label: string; tone: BadgeTone }> = {
  succeeded: { label: 'Succeeded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  timedOut: { label: 'Timed out', tone: 'danger' },
  noIpYet: { label: 'No IP yet', tone: 'warning' },
};

/** A server bought upstream: the thing that must never happen twice for one order. */
function isPurchase(call: UpstreamCall): boolean {
  return call.operation !== 'statusCheck' && call.outcome === 'succeeded';
}

export function UpstreamJournal() {
  const { data: calls, error } = useUpstreamCalls();
  const purchases = calls?.filter(isPurchase).length;
  return (
    <PanelSection
      title="Upstream calls"
      hint="What the simulated providers were asked, for which order and package."
      aside={
        purchases === undefined ? null : (
          <Badge tone={purchases > 0 ? 'success' : 'neutral'}>
            {purchases} successful {purchases === 1 ? 'purchase' : 'purchases'}
          </Badge>
        )
      }
    >
      {error ? <InlineError>Could not read the upstream calls: {error.message}</InlineError> : null}
      {calls ? (
        <JournalTable
          caption="Upstream calls"
          columns={['Call', 'Order', 'Outcome']}
          empty="No upstream calls yet."
          entries={calls}
          renderCells={upstreamCallCells}
        />
      ) : null}
    </PanelSection>
  );
}

function upstreamCallCells(call: UpstreamCall) {
  const outcome = outcomes[call.outcome];
  return (
    <>
      <td className={journalCellClasses}>
        <div className="font-mono font-semibold">{call.operation}</div>
        <div className="text-gray-500 dark:text-gray-400">{providerLabels[call.provider]}</div>
      </td>
      <td className={journalCellClasses}>
        <div className="font-mono">{call.orderId}</div>
        <div className="font-mono wrap-anywhere text-gray-500 dark:text-gray-400">{call.packageId}</div>
      </td>
      <td className={journalCellClasses}>
        <Badge tone={outcome.tone}>{outcome.label}</Badge>
      </td>
    </>
  );
}
