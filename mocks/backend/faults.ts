import { z } from '@/lib/zod';
import { ApiFaultSchema, ApiRouteSchema, type ApiFault, type ApiRoute } from '@/contract/mock-control';
import type { Scenario } from '../scenarios/scenario';

export const InjectedFaultsSchema = z.array(z.object({ route: ApiRouteSchema, fault: ApiFaultSchema }));
type InjectedFault = z.infer<typeof InjectedFaultsSchema>[number];

/**
 * Which fault, if any, answers the next request of a route: an injected one first (each answers one
 * request, and they are saved, so a reload does not drop them), then the scenario's own, which
 * successive requests take in turn, round and round.
 */
export class FaultPlan {
  private readonly turns = new Map<ApiRoute, number>();

  constructor(
    private readonly scenarioFaults: Scenario['api']['faults'],
    private injected: InjectedFault[] = [],
  ) {}

  snapshot(): InjectedFault[] {
    return [...this.injected];
  }

  /** `injected` is true when the fault came from the control API: the plan changed and is worth saving. */
  next(route: ApiRoute): { fault: ApiFault; injected: boolean } | undefined {
    const injectedAt = this.injected.findIndex((candidate) => candidate.route === route);
    if (injectedAt !== -1) {
      const [taken] = this.injected.splice(injectedAt, 1);
      if (taken) return { fault: taken.fault, injected: true };
    }
    const faults = this.scenarioFaults?.[route];
    if (!faults || faults.length === 0) return undefined;
    const turn = this.turns.get(route) ?? 0;
    this.turns.set(route, turn + 1);
    const fault = faults[turn % faults.length];
    return fault && { fault, injected: false };
  }

  /** The next `times` requests of `route` answer with `fault`. */
  inject(route: ApiRoute, fault: ApiFault, times = 1): void {
    this.injected.push(...Array.from({ length: times }, () => ({ route, fault })));
  }
}
