import { Circle, CircleAlert, CircleCheck, Loader2, type LucideIcon } from 'lucide-react';
import { progressSteps, stepStates, type ProgressInput, type ProgressStep, type StepState } from '@/domain/progress';
import { formatExactTime } from '@/lib/time';

const stateLooks: Record<StepState, { Icon: LucideIcon; classes: string }> = {
  done: { Icon: CircleCheck, classes: 'text-green-700 dark:text-green-300' },
  current: { Icon: Loader2, classes: 'animate-spin text-blue-700 dark:text-blue-300' },
  blocked: { Icon: CircleAlert, classes: 'text-red-700 dark:text-red-300' },
  todo: { Icon: Circle, classes: 'text-gray-400 dark:text-gray-500' },
};

const stepNames: Record<ProgressStep, string> = {
  paid: 'Paid',
  purchased: 'Purchased upstream',
  ipAssigned: 'IP address',
  active: 'Server active',
};

/** What a step reads as when not reached: under way, where provisioning stopped, or not yet. */
const pendingWords: Record<ProgressStep, Record<Exclude<StepState, 'done'>, string>> = {
  paid: { current: 'payment under way', blocked: 'not paid', todo: 'not paid yet' },
  purchased: { current: 'in progress', blocked: 'not bought, the purchase failed', todo: 'not yet' },
  ipAssigned: { current: 'waiting for the provider', blocked: 'waiting, no IP assigned', todo: 'not yet' },
  active: { current: 'finishing', blocked: 'not reached', todo: 'not yet' },
};

function doneWords(step: ProgressStep, order: ProgressInput): string {
  switch (step) {
    case 'paid':
      return order.paidAt ? formatExactTime(order.paidAt) : 'yes';
    case 'purchased':
      return order.upstreamId ?? 'yes';
    case 'ipAssigned':
      return order.ipAddress ?? 'yes';
    case 'active':
      return 'ready for the customer';
  }
}

/**
 * Paid → purchased upstream → IP assigned → active, each in words with an icon, so "bought but no
 * IP" ("Purchased upstream: svps-70412", "IP address: waiting…") reads differently from "never bought".
 */
export function ProgressSteps({ order, now }: { order: ProgressInput; now: number }) {
  const states = stepStates(order, now);
  return (
    <ol aria-label="Provisioning progress" className="space-y-1.5 text-sm">
      {progressSteps.map((step) => {
        const state = states[step];
        const { Icon, classes } = stateLooks[state];
        return (
          <li
            key={step}
            aria-current={state === 'current' || state === 'blocked' ? 'step' : undefined}
            className="flex items-start gap-2"
          >
            <Icon aria-hidden="true" className={`mt-0.5 size-4 shrink-0 ${classes}`} />
            <span className={state === 'todo' ? 'text-gray-600 dark:text-gray-400' : ''}>
              <span className="font-medium">{stepNames[step]}:</span>{' '}
              {state === 'done' ? (
                <span className={step === 'purchased' || step === 'ipAssigned' ? 'font-mono' : ''}>
                  {doneWords(step, order)}
                </span>
              ) : (
                pendingWords[step][state]
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
