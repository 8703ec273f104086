import { LoaderCircle, Pause, Play } from 'lucide-react';
import type { MockState } from '@/contract/mock-control';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { useClockNow } from '@/lib/clock';
import { formatClockTime, formatDay, MINUTE_MS } from '@/lib/time';
import { useAdvanceClock } from '../api/advance-clock';
import { useMockState } from '../api/get-mock-state';
import { useSetClock } from '../api/set-clock';
import { InlineError, PanelSection } from './panel-section';

const SPEEDS = [1, 10, 60, 600] as const;
const ADVANCE_MINUTES = [1, 5, 10, 30] as const;
/** Often enough for the seconds to look smooth at real speed. */
const TICK_MS = 250;
/** Floated, so the legend sits beside its buttons like a form label instead of on the fieldset's border. */
const legendClasses = 'float-left w-18 pt-1.5 text-xs font-medium text-gray-600 dark:text-gray-400';

export function ClockSection() {
  const { data: state, dataUpdatedAt, error } = useMockState({ poll: true });
  const setClock = useSetClock();
  const advance = useAdvanceClock();
  const busy = setClock.isPending || advance.isPending;
  const failure = setClock.error ?? advance.error;

  return (
    <PanelSection title="Clock" aside={state ? <ClockStatus state={state} /> : null}>
      {error && !state ? <InlineError>Could not read the clock: {error.message}</InlineError> : null}
      {state ? (
        <>
          <div className="flex items-center justify-between gap-3">
            <ClockFace state={state} readAt={dataUpdatedAt} />
            <Button
              variant="outline"
              aria-disabled={busy}
              onClick={busy ? undefined : () => setClock.mutate({ paused: !state.paused })}
            >
              {state.paused ? (
                <Play aria-hidden="true" className="size-3.5" />
              ) : (
                <Pause aria-hidden="true" className="size-3.5" />
              )}
              {state.paused ? 'Resume' : 'Pause'}
            </Button>
          </div>
          <fieldset className="min-w-0">
            <legend className={legendClasses}>Speed</legend>
            <div className="flex w-fit divide-x divide-gray-300 overflow-hidden rounded-md border border-gray-300 dark:divide-gray-600 dark:border-gray-600">
              {SPEEDS.map((speed) => {
                const current = state.speed === speed;
                return (
                  <button
                    key={speed}
                    type="button"
                    aria-pressed={current}
                    aria-disabled={busy}
                    onClick={busy || current ? undefined : () => setClock.mutate({ speed })}
                    className="h-8 min-w-12 px-2.5 text-sm font-medium tabular-nums transition-colors hover:bg-gray-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 aria-disabled:cursor-not-allowed aria-pressed:bg-blue-600 aria-pressed:text-white dark:hover:bg-gray-800 dark:focus-visible:outline-blue-400 dark:aria-pressed:bg-blue-500 dark:aria-pressed:text-gray-950"
                  >
                    {speed}×
                  </button>
                );
              })}
            </div>
          </fieldset>
          <fieldset className="min-w-0">
            <legend className={legendClasses}>Advance</legend>
            <div className="flex flex-wrap gap-1.5">
              {ADVANCE_MINUTES.map((minutes) => {
                const ms = minutes * MINUTE_MS;
                return (
                  <Button
                    key={minutes}
                    variant="outline"
                    aria-disabled={busy}
                    onClick={busy ? undefined : () => advance.mutate(ms)}
                  >
                    {advance.isPending && advance.variables === ms ? (
                      <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" />
                    ) : null}
                    {`+${minutes} min`}
                  </Button>
                );
              })}
            </div>
          </fieldset>
        </>
      ) : null}
      {failure ? <InlineError>Could not change the clock: {failure.message}</InlineError> : null}
    </PanelSection>
  );
}

function ClockStatus({ state }: { state: MockState }) {
  return state.paused ? <Badge tone="warning">Paused</Badge> : <Badge tone="success">Running at {state.speed}×</Badge>;
}

function ClockFace({ state, readAt }: { state: MockState; readAt: number }) {
  // The simulated time, moving between two reads of the backend while its clock runs.
  const now = useClockNow({ time: state.now, readAt, speed: state.speed, paused: state.paused }, TICK_MS);
  return (
    <time dateTime={new Date(now).toISOString()} className="block">
      <span className="block font-mono text-2xl font-semibold tracking-tight tabular-nums">
        {formatClockTime(now, { seconds: true })}
      </span>
      <span className="block text-xs text-gray-600 dark:text-gray-300">{formatDay(now)}</span>
    </time>
  );
}
