import { Check, LoaderCircle, Play, RotateCcw, Trash2 } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import type { ScenarioSummary } from '@/contract/mock-control';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { useMockState } from '../api/get-mock-state';
import { useScenarios } from '../api/get-scenarios';
import { useRemoveScenario } from '../api/remove-scenario';
import { useResetScenario } from '../api/reset-scenario';
import { InlineError, InlineStatus, PanelSection } from './panel-section';

export function ScenarioSection() {
  const { data: scenarios, error: catalogueError } = useScenarios();
  const current = useMockState({ poll: true }).data?.scenario;
  const reset = useResetScenario();
  // `undefined` restarts the current scenario: the Reset button.
  const pendingTarget = reset.isPending ? (reset.variables ?? current) : null;
  const start = (scenario?: string) => {
    if (!reset.isPending) reset.mutate(scenario);
  };
  const removal = useRemoveScenario();
  const list = useRef<HTMLUListElement>(null);
  // The removed item's place: its successor (or, last, its predecessor) takes the focus its button had.
  const focusAfterRemoval = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null || !scenarios) return;
    focusAfterRemoval.current = null;
    const buttons = list.current?.querySelectorAll<HTMLElement>('[data-action="start"]');
    buttons?.[Math.min(index, scenarios.length - 1)]?.focus();
  }, [scenarios]);
  const remove = (name: string, index: number) => {
    if (removal.isPending) return;
    focusAfterRemoval.current = index;
    removal.mutate(name, { onError: () => (focusAfterRemoval.current = null) });
  };

  return (
    <PanelSection
      title="Scenario"
      hint="Starting one, or Reset, puts the backend back to its seed: orders, runs, journals and clock."
      aside={
        <Button variant="outline" aria-disabled={reset.isPending} onClick={() => start()}>
          {reset.isPending && reset.variables === undefined ? (
            <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" />
          ) : (
            <RotateCcw aria-hidden="true" className="size-3.5" />
          )}
          Reset
        </Button>
      }
    >
      {reset.error ? <InlineError>Could not start the scenario: {reset.error.message}</InlineError> : null}
      {catalogueError ? <InlineError>Could not load the scenarios: {catalogueError.message}</InlineError> : null}
      {removal.error ? (
        <InlineError>
          Could not remove {removal.variables}: {removal.error.message}
        </InlineError>
      ) : null}
      <InlineStatus>
        {removal.isSuccess ? (
          <>
            Removed <span className="font-mono font-semibold">{removal.variables}</span>
            {removal.variables === current ? ': it runs on until another scenario starts' : ''}. Import its file to add
            it again.
          </>
        ) : null}
      </InlineStatus>
      {scenarios ? (
        <ul ref={list} className="space-y-2">
          {scenarios.map((scenario, index) => (
            <ScenarioItem
              key={scenario.name}
              scenario={scenario}
              current={scenario.name === current}
              starting={pendingTarget === scenario.name}
              removing={removal.isPending && removal.variables === scenario.name}
              busy={reset.isPending || removal.isPending}
              onStart={() => start(scenario.name)}
              onRemove={() => remove(scenario.name, index)}
            />
          ))}
        </ul>
      ) : null}
    </PanelSection>
  );
}

type ScenarioItemProps = {
  scenario: ScenarioSummary;
  current: boolean;
  starting: boolean;
  removing: boolean;
  busy: boolean;
  onStart: () => void;
  onRemove: () => void;
};

function ScenarioItem({ scenario, current, starting, removing, busy, onStart, onRemove }: ScenarioItemProps) {
  const nameId = useId();
  return (
    <li
      aria-labelledby={nameId}
      aria-current={current ? 'true' : undefined}
      className={`rounded-lg border p-3 ${
        current
          ? 'border-blue-300 bg-blue-50 dark:border-blue-800 dark:bg-blue-950/50'
          : 'border-gray-200 dark:border-gray-800'
      }`}
    >
      <div className="flex items-center justify-between gap-3">
        <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <span id={nameId} className="font-mono text-sm font-semibold wrap-anywhere">
            {scenario.name}
          </span>
          {scenario.source === 'registered' ? <Badge tone="info">Registered</Badge> : null}
        </span>
        <span className="flex shrink-0 items-center gap-2">
          {scenario.source === 'registered' ? (
            <Button variant="outline" aria-disabled={busy} onClick={busy ? undefined : onRemove}>
              {removing ? (
                <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" />
              ) : (
                <Trash2 aria-hidden="true" className="size-3.5" />
              )}
              Remove <span className="sr-only">{scenario.name}</span>
            </Button>
          ) : null}
          {/* One Start button in every item, current or not, so focus stays on it when its scenario starts. */}
          <Button
            variant="outline"
            data-action="start"
            aria-disabled={busy || current}
            onClick={busy || current ? undefined : onStart}
          >
            {starting ? <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" /> : null}
            {!starting && current ? <Check aria-hidden="true" className="size-3.5" /> : null}
            {!starting && !current ? <Play aria-hidden="true" className="size-3.5" /> : null}
            {current ? 'Current' : 'Start'} <span className="sr-only">{scenario.name}</span>
          </Button>
        </span>
      </div>
      <p className="mt-1 text-sm text-gray-800 dark:text-gray-200">{scenario.description}</p>
      <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">
        <span className="font-medium text-gray-700 dark:text-gray-300">What you see: </span>
        {scenario.demonstrates}
      </p>
    </li>
  );
}
