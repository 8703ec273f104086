import type { RequestLogEntry } from '@/contract/mock-control';
import { Badge, type BadgeTone } from '@/components/ui/badge/badge';
import { useRequestLog } from '../api/get-request-log';
import { journalCellClasses, JournalTable } from './journal-table';
import { InlineError, PanelSection } from './panel-section';

function statusTone(status: number | null): BadgeTone {
  if (status === null || status >= 500) return 'danger';
  if (status >= 400) return 'warning';
  return 'success';
}

export function RequestJournal() {
  const { data: requests, error } = useRequestLog();
  return (
    <PanelSection
      title="Requests"
      hint="What the console asked the backend, and what it answered."
      aside={
        requests ? (
          <span className="text-xs text-gray-500 dark:text-gray-400">
            {requests.length} {requests.length === 1 ? 'request' : 'requests'}
          </span>
        ) : null
      }
    >
      {error ? <InlineError>Could not read the request journal: {error.message}</InlineError> : null}
      {requests ? (
        <JournalTable
          caption="Requests"
          columns={['Request', 'Status']}
          empty="No requests yet."
          entries={requests}
          renderCells={requestCells}
        />
      ) : null}
    </PanelSection>
  );
}

function requestCells(request: RequestLogEntry) {
  return (
    <>
      <td className={journalCellClasses}>
        <div>
          <span className="font-semibold">{request.method}</span>{' '}
          <span className="font-mono wrap-anywhere">{request.path}</span>
        </div>
        {request.code ? (
          <div className="mt-0.5 font-mono text-[0.6875rem] wrap-anywhere text-gray-500 dark:text-gray-400">
            {request.code}
          </div>
        ) : null}
      </td>
      <td className={journalCellClasses}>
        <Badge tone={statusTone(request.status)}>{request.status ?? 'network error'}</Badge>
      </td>
    </>
  );
}
