import { buildSeed } from '../data/seed-builder';
import type { BudgetClock } from '../order-list/budget-clock';
import { OrderListIndex } from '../order-list/order-list-index';
import type { Scenario } from '../scenarios/scenario';
import type { StoredOrder } from '../simulator/simulator-state';
import { ProvisioningSimulator, type SimulatorBehaviour } from '../simulator/simulator';

/** What the handlers work on: the simulator, and the list index that follows its orders. */
export type World = { simulator: ProvisioningSimulator; orderList: OrderListIndex };

export function simulatorBehaviour(scenario: Scenario): SimulatorBehaviour {
  return {
    providers: scenario.providers,
    ...(scenario.concurrentAdmin ? { concurrentAdmin: scenario.concurrentAdmin } : {}),
  };
}

/** A list index over the simulator's orders as they are now, told of every change from here on. */
export function worldAround(
  simulator: ProvisioningSimulator,
  staleCopies: readonly StoredOrder[],
  budgetClock: BudgetClock,
): World {
  const orderList = new OrderListIndex(simulator, staleCopies, budgetClock);
  simulator.observe(orderList);
  return { simulator, orderList };
}

/** A scenario's world at `start`: its seed data, with the automatic runs it begins with under way. */
export function seedWorld(scenario: Scenario, start: number, budgetClock: BudgetClock): World {
  const { orders, servers } = buildSeed(scenario.orders(), start);
  const simulator = ProvisioningSimulator.seed(
    {
      scenario: scenario.name,
      start,
      randomSeed: scenario.randomSeed,
      orders,
      servers,
      autoRunOrderIds: scenario.autoRunOrderIds,
    },
    simulatorBehaviour(scenario),
  );
  const staleCopies = buildSeed(scenario.staleListOrders, start).orders;
  return worldAround(simulator, staleCopies, budgetClock);
}
