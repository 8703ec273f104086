import type { Order } from '@/contract/order';
import { stuckWindowLeftMs } from './provisioning-rules';

/**
 * Provisioning as four steps, so "bought but no IP" reads differently from "never bought":
 * paid → purchased upstream → IP assigned → active.
 */
export const progressSteps = ['paid', 'purchased', 'ipAssigned', 'active'] as const;
export type ProgressStep = (typeof progressSteps)[number];

/**
 * done: reached; current: under way now (a live run, or an attempt younger than the stuck window);
 * blocked: where it stopped (failed, or stuck past the window); todo: not reached.
 */
export type StepState = 'done' | 'current' | 'blocked' | 'todo';

export type ProgressInput = Pick<
  Order,
  'paidAt' | 'status' | 'provisioningStatus' | 'upstreamId' | 'ipAddress' | 'activeRun' | 'lastProvisionAttempt'
>;

/** `now` is the server's: an attempt is presumed alive for the stuck window, as the guard presumes. */
export function stepStates(order: ProgressInput, now: number): Record<ProgressStep, StepState> {
  const reached: Record<ProgressStep, boolean> = {
    paid: order.paidAt !== null,
    purchased: order.upstreamId !== null,
    ipAssigned: order.ipAddress !== null,
    active: order.status === 'active' && order.provisioningStatus === 'active',
  };
  const next = progressSteps.find((step) => !reached[step]);
  const nextState: StepState =
    order.activeRun !== null || (order.provisioningStatus === 'provisioning' && stuckWindowLeftMs(order, now) > 0)
      ? 'current'
      : order.provisioningStatus === 'failed' || order.provisioningStatus === 'provisioning'
        ? 'blocked'
        : 'todo';
  const stateOf = (step: ProgressStep): StepState =>
    reached[step] ? 'done' : step === next && next !== 'paid' ? nextState : 'todo';
  return {
    paid: stateOf('paid'),
    purchased: stateOf('purchased'),
    ipAssigned: stateOf('ipAssigned'),
    active: stateOf('active'),
  };
}
