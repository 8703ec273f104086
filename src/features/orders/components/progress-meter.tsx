import { progressSteps, type ProgressStep, type StepState } from '@/domain/progress';

export type ProgressStates = Record<ProgressStep, StepState>;

/** What each step reads as once reached, while under way, and while missing. */
const stepWords: Record<ProgressStep, Record<'done' | 'current' | 'missing', string>> = {
  paid: { done: 'paid', current: 'payment under way', missing: 'not paid yet' },
  purchased: { done: 'purchased upstream', current: 'purchase under way', missing: 'never purchased upstream' },
  ipAssigned: { done: 'IP assigned', current: 'waiting for its IP', missing: 'no IP yet' },
  active: { done: 'active', current: 'activating', missing: 'not active yet' },
};

const segmentClasses: Record<StepState, string> = {
  done: 'bg-green-600 dark:bg-green-400',
  current: 'animate-pulse bg-blue-600 dark:bg-blue-400',
  blocked: 'bg-red-600 dark:bg-red-400',
  todo: 'bg-gray-200 dark:bg-gray-700',
};

/**
 * Paid → purchased upstream → IP assigned → active, as four segments and, for screen readers and
 * anyone who does not read colours, the same in words: "purchased upstream, no IP assigned yet".
 */
export function ProgressMeter({ states }: { states: ProgressStates }) {
  const summary = progressSummary(states);
  if (!summary) return null;
  return (
    <div className="mt-1 text-xs text-gray-600 dark:text-gray-300">
      <div aria-hidden="true" className="mb-0.5 flex w-28 gap-0.5">
        {progressSteps.map((step) => (
          <span key={step} className={`h-1.5 flex-1 rounded-full ${segmentClasses[states[step]]}`} />
        ))}
      </div>
      {summary}
    </div>
  );
}

/** The furthest step reached and what is missing; null when there is nothing to say (active, or unpaid). */
function progressSummary(states: ProgressStates): string | null {
  if (states.active === 'done' || states.paid !== 'done') return null;
  const reached = progressSteps.filter((step) => states[step] === 'done').at(-1) ?? 'paid';
  const next = progressSteps.find((step) => states[step] !== 'done');
  if (!next) return null;
  const nextWords = stepWords[next][states[next] === 'current' ? 'current' : 'missing'];
  return `Step ${progressSteps.indexOf(reached) + 1} of 4: ${stepWords[reached].done}, ${nextWords}`;
}
