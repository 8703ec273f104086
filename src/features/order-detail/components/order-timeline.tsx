import {
  CircleAlert,
  CircleCheck,
  CircleX,
  Hourglass,
  Loader2,
  TimerOff,
  UserRound,
  type LucideIcon,
} from 'lucide-react';
import { useId, type ReactNode } from 'react';
import type { Attempt, AttemptOutcome, AuditAction, AuditEntry } from '@/contract/order';
import { Badge } from '@/components/ui/badge/badge';
import { errorClassLabels, runStepLabels } from '@/features/orders';
import { formatExactTime, formatRelativeTime } from '@/lib/time';
import { buildTimeline } from '../timeline';

const outcomeLooks: Record<AttemptOutcome, { label: string; Icon: LucideIcon; classes: string }> = {
  running: { label: 'Running', Icon: Loader2, classes: 'animate-spin text-blue-700 dark:text-blue-300' },
  succeeded: { label: 'Succeeded', Icon: CircleCheck, classes: 'text-green-700 dark:text-green-300' },
  failed: { label: 'Failed', Icon: CircleX, classes: 'text-red-700 dark:text-red-300' },
  timedOut: { label: 'Timed out', Icon: TimerOff, classes: 'text-red-700 dark:text-red-300' },
  stuck: { label: 'Stuck without an IP', Icon: Hourglass, classes: 'text-amber-700 dark:text-amber-300' },
};

const actionLabels: Record<AuditAction, string> = {
  provision: 'Provision requested',
  retry: 'Retry requested',
  markResolved: 'Marked resolved',
};

/** The backend's answer in words; a code this console does not know is shown as it came. */
const resultLabels: Record<string, string> = {
  PROVISIONING_STARTED: 'Run started',
  ALREADY_PROVISIONED: 'Refused: already provisioned',
  PROVISIONING_IN_PROGRESS: 'Refused: a run was in progress',
  NOT_ELIGIBLE: 'Refused: not eligible',
  MARKED_RESOLVED: 'Marked resolved',
  ORDER_NOT_FOUND: 'Refused: order not found',
  FORBIDDEN: 'Refused: not allowed',
};

type OrderTimelineProps = {
  attempts: readonly Attempt[];
  audit: readonly AuditEntry[];
  /** The server's time, as ISO text: ages are measured against it. */
  now: string;
};

/** Every attempt and every manual action on the order, newest first. */
export function OrderTimeline({ attempts, audit, now }: OrderTimelineProps) {
  const headingId = useId();
  const entries = buildTimeline(attempts, audit);
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-base font-semibold">
        Timeline
      </h3>
      {entries.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">No attempts or actions recorded for this order yet.</p>
      ) : (
        <ol aria-labelledby={headingId} className="space-y-2">
          {entries.map((item) =>
            item.kind === 'attempt' ? (
              <AttemptItem key={item.attempt.id} attempt={item.attempt} now={now} />
            ) : (
              <AuditItem key={item.entry.id} entry={item.entry} now={now} />
            ),
          )}
        </ol>
      )}
    </section>
  );
}

function AttemptItem({ attempt, now }: { attempt: Attempt; now: string }) {
  const { label, Icon, classes } = outcomeLooks[attempt.outcome];
  return (
    <TimelineItem
      icon={<Icon aria-hidden="true" className={`size-4 ${classes}`} />}
      heading={`Attempt ${attempt.attempt}: ${label}`}
      time={attempt.startedAt}
      now={now}
    >
      <Fact name="Trigger">
        {attempt.trigger === 'auto' ? 'Automatic' : `Manual by ${attempt.triggeredBy ?? 'an admin'}`}
      </Fact>
      <Fact name="Step">{runStepLabels[attempt.step]}</Fact>
      {attempt.endedAt ? (
        <Fact name="Ended">
          <TimeAgo time={attempt.endedAt} now={now} />
        </Fact>
      ) : null}
      {attempt.upstreamId ? (
        <Fact name="Upstream id">
          <span className="font-mono">{attempt.upstreamId}</span>
        </Fact>
      ) : null}
      {attempt.error ? (
        <Fact name="Error">
          {attempt.errorClass ? `${errorClassLabels[attempt.errorClass]}: ` : ''}
          {attempt.error}
        </Fact>
      ) : null}
      {attempt.reason ? <Fact name="Reason">{attempt.reason}</Fact> : null}
    </TimelineItem>
  );
}

function AuditItem({ entry, now }: { entry: AuditEntry; now: string }) {
  return (
    <TimelineItem
      icon={<UserRound aria-hidden="true" className="size-4 text-gray-600 dark:text-gray-300" />}
      heading={`${actionLabels[entry.action]} by ${entry.actor}`}
      time={entry.at}
      now={now}
      badge={entry.bulk ? <Badge tone="info">bulk retry</Badge> : null}
    >
      <Fact name="Result">
        {entry.result === 'MARKED_RESOLVED' || entry.result === 'PROVISIONING_STARTED' ? null : (
          <CircleAlert
            aria-hidden="true"
            className="mr-1 inline size-3.5 align-[-2px] text-amber-700 dark:text-amber-300"
          />
        )}
        {resultLabels[entry.result] ?? entry.result}
      </Fact>
      {entry.reason ? <Fact name="Reason">{entry.reason}</Fact> : null}
    </TimelineItem>
  );
}

type TimelineItemProps = {
  icon: ReactNode;
  heading: string;
  time: string;
  now: string;
  badge?: ReactNode;
  children: ReactNode;
};

function TimelineItem({ icon, heading, time, now, badge = null, children }: TimelineItemProps) {
  return (
    <li className="rounded-md border border-gray-200 p-3 text-sm dark:border-gray-800">
      <div className="flex flex-wrap items-center gap-2">
        {icon}
        <h4 className="font-medium">{heading}</h4>
        {badge}
        <span className="ml-auto text-gray-600 dark:text-gray-400">
          <TimeAgo time={time} now={now} />
        </span>
      </div>
      <dl className="mt-1.5 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 pl-6">{children}</dl>
    </li>
  );
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-gray-600 dark:text-gray-400">{name}</dt>
      <dd className="break-words">{children}</dd>
    </>
  );
}

/** Relative, with the exact moment in the title and the machine-readable one in `dateTime`. */
function TimeAgo({ time, now }: { time: string; now: string }) {
  return (
    <time dateTime={time} title={formatExactTime(time)}>
      {formatRelativeTime(time, now)}
    </time>
  );
}
