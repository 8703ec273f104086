import { LoaderCircle, SkipForward } from 'lucide-react';
import { useId } from 'react';
import type { ScheduleEvent } from '@/contract/mock-control';
import { Button } from '@/components/ui/button/button';
import { formatClockTime, formatExactTime } from '@/lib/time';
import { useAdvanceToNextEvent } from '../api/advance-clock';
import { useSchedule } from '../api/get-schedule';
import { InlineError, PanelSection } from './panel-section';

/** Enough to see what the next jumps will play, few enough to keep the sections below in reach. */
const SHOWN_EVENTS = 5;

export function ComingUpSection() {
  const { data: events, error } = useSchedule();
  const advance = useAdvanceToNextEvent();
  const reasonId = useId();
  const nothingDue = events?.length === 0;
  const unavailable = advance.isPending || !events || nothingDue;

  return (
    <PanelSection
      title="Coming up"
      hint="What the simulated clock plays next, soonest first."
      aside={
        <Button
          variant="outline"
          aria-disabled={unavailable}
          // Says why the button does nothing: the empty list below is its reason.
          aria-describedby={nothingDue ? reasonId : undefined}
          onClick={unavailable ? undefined : () => advance.mutate()}
        >
          {advance.isPending ? (
            <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" />
          ) : (
            <SkipForward aria-hidden="true" className="size-3.5" />
          )}
          Advance to next
        </Button>
      }
    >
      {error && !events ? <InlineError>Could not read the schedule: {error.message}</InlineError> : null}
      {events ? <EventList events={events} emptyId={reasonId} /> : null}
      {advance.error ? <InlineError>Could not advance to the next event: {advance.error.message}</InlineError> : null}
    </PanelSection>
  );
}

function EventList({ events, emptyId }: { events: readonly ScheduleEvent[]; emptyId: string }) {
  if (events.length === 0) {
    return (
      <p
        id={emptyId}
        className="rounded-lg border border-dashed border-gray-300 px-3 py-4 text-center text-sm text-gray-500 dark:border-gray-700 dark:text-gray-400"
      >
        Nothing is due on the clock.
      </p>
    );
  }
  const more = events.length - SHOWN_EVENTS;
  return (
    <>
      <ol className="divide-y divide-gray-200 rounded-lg border border-gray-200 text-sm dark:divide-gray-800 dark:border-gray-800">
        {events.slice(0, SHOWN_EVENTS).map((event, index) => (
          // The items hold no state, and two events may read alike: the position is the key.
          <li key={index} className="flex gap-2.5 px-2.5 py-1.5">
            <time
              dateTime={event.at}
              title={formatExactTime(event.at)}
              className="shrink-0 font-mono text-gray-600 tabular-nums dark:text-gray-300"
            >
              {formatClockTime(event.at, { seconds: true })}
            </time>{' '}
            <span className="min-w-0 wrap-anywhere">{event.description}</span>
          </li>
        ))}
      </ol>
      {more > 0 ? (
        <p className="text-xs text-gray-600 dark:text-gray-400">
          and {more} more {more === 1 ? 'event' : 'events'} after these
        </p>
      ) : null}
    </>
  );
}
