import type { ListedOrder } from '@/contract/scenario-document';
import type { StoredOrder, UpstreamServer } from '../simulator/simulator-state';
import { isoMinuteFormatter } from './iso-minutes';
import { packages } from './products';
import { MINUTE_MS } from '@/lib/time';

export type SeedData = {
  orders: StoredOrder[];
  servers: UpstreamServer[];
};

function emailOf(name: string): string {
  return `${name
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}@example.com`;
}

/** Builds a scenario's orders (newest first, as the list shows them) and the servers already bought upstream. */
export function buildSeed(specs: readonly ListedOrder[], start: number): SeedData {
  const formatIso = isoMinuteFormatter();
  const minutesBefore = (minutes: number) => formatIso(start - minutes * MINUTE_MS);
  // Scenarios draw customers from a short list: each is built once and shared by its orders, which
  // nothing ever changes (a write replaces an order's fields, never its customer's).
  const customers = new Map<string, StoredOrder['customer']>();
  const customerNamed = (name: string) => {
    const known = customers.get(name);
    if (known) return known;
    const customer = { name, email: emailOf(name) };
    customers.set(name, customer);
    return customer;
  };
  // Newest first, sorted on numbers before any text is made; a stable sort keeps the specs' order on ties.
  const newestFirst = specs.toSorted((a, b) => a.createdMinutesAgo - b.createdMinutesAgo);
  const orders = newestFirst.map((spec): StoredOrder => {
    const pkg = packages[spec.packageId];
    const lastAttempt = spec.lastAttemptMinutesAgo;
    // Half a million date strings at 100,000 orders: each is made once (updatedAt is one of the two).
    const createdAt = minutesBefore(spec.createdMinutesAgo);
    const lastProvisionAttempt = lastAttempt === undefined ? null : minutesBefore(lastAttempt);
    const order: StoredOrder = {
      _id: spec.id,
      customer: customerNamed(spec.customer),
      product: pkg.product,
      packageId: spec.packageId,
      provider: pkg.provider,
      priceCents: pkg.priceCents,
      currency: 'USD',
      status: spec.status,
      provisioningStatus: spec.provisioningStatus ?? null,
      ipAddress: spec.ipAddress ?? null,
      provisioningError: spec.provisioningError ?? null,
      provisioningErrorClass: spec.provisioningError ? (spec.provisioningErrorClass ?? 'transient') : null,
      resolution: null,
      lastProvisionAttempt,
      upstreamId: spec.upstream?.id ?? null,
      createdAt,
      paidAt: spec.paidMinutesAgo === undefined ? null : minutesBefore(spec.paidMinutesAgo),
      updatedAt:
        lastProvisionAttempt !== null && lastAttempt !== undefined && lastAttempt < spec.createdMinutesAgo
          ? lastProvisionAttempt
          : createdAt,
    };
    // Set afterwards, not spread into the literal: a spread builds every order on V8's slow path (a third of the seed).
    if (spec.autoProvisioned !== undefined) order.autoProvisioned = spec.autoProvisioned;
    return order;
  });
  const servers = specs.flatMap((spec): UpstreamServer[] =>
    spec.upstream
      ? [
          {
            id: spec.upstream.id,
            orderId: spec.id,
            packageId: spec.packageId,
            boughtAt: start - (spec.lastAttemptMinutesAgo ?? spec.createdMinutesAgo) * MINUTE_MS,
            ipReadyAt: start + spec.upstream.ipReadyInMinutes * MINUTE_MS,
            ipAddress: spec.upstream.ipAddress,
            rootPassword: `seeded-${spec.id.toLowerCase()}`,
          },
        ]
      : [],
  );
  return { orders, servers };
}
