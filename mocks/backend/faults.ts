import { z } from '@/lib/zod';
import { ApiFaultSchema, ApiRouteSchema, type ApiFault, type ApiRoute } from '@/contract/mock-control';
import type { Scenario } from '../scenarios/scenario';

/** The injected faults still to answer, and how far each route has gone round the scenario's own. */
export const FaultPlanStateSchema = z.strictObject({
  injected: z.array(z.strictObject({ route: ApiRouteSchema, fault: ApiFaultSchema })),
  turns: z.partialRecord(ApiRouteSchema, z.int().check(z.nonnegative())),
});
type FaultPlanState = z.infer<typeof FaultPlanStateSchema>;
type InjectedFault = FaultPlanState['injected'][number];

/**
 * Which fault, if any, answers the next request of a route: an injected one first (each answers one
 * request, and they are saved, so a reload does not drop them), then the scenario's own, which
 * successive requests take in turn, round and round.
 */
export class FaultPlan {
  private readonly injected: InjectedFault[];
  private readonly turns: Map<ApiRoute, number>;

  constructor(
    private readonly scenarioFaults: Scenario['api']['faults'],
    state: FaultPlanState = { injected: [], turns: {} },
  ) {
    this.injected = [...state.injected];
    this.turns = new Map(
      Object.entries(state.turns).flatMap(([name, turn]) => {
        const route = ApiRouteSchema.safeParse(name);
        return route.success && turn !== undefined ? [[route.data, turn] as const] : [];
      }),
    );
  }

  snapshot(): FaultPlanState {
    return { injected: [...this.injected], turns: Object.fromEntries(this.turns) };
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
