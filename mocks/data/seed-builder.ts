import type { Order } from '@/contract/order';
import type { StoredOrder, UpstreamServer } from '../engine/engine-state';
import { packages, type PackageId } from './products';

/** An order as a scenario declares it: times in minutes before the scenario starts. */
export type OrderSpec = {
  id: string;
  customer: string;
  packageId: PackageId;
  status: Order['status'];
  createdMinutesAgo: number;
  paidMinutesAgo?: number;
  autoProvisioned?: boolean;
  provisioningStatus?: Order['provisioningStatus'];
  ipAddress?: string;
  provisioningError?: string;
  /** Transient unless said otherwise. */
  permanentError?: boolean;
  lastAttemptMinutesAgo?: number;
  /** A VPS or service already bought upstream for this order; `ipReadyInMinutes` < 0 means it has its IP. */
  upstream?: { id: string; ipAddress: string; ipReadyInMinutes: number };
};

export type SeedData = {
  orders: StoredOrder[];
  servers: UpstreamServer[];
};

const minutesBefore = (start: number, minutes: number) => new Date(start - minutes * 60_000).toISOString();

function emailOf(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@example.com`;
}

/** Builds a scenario's orders (newest first, as the list shows them) and the servers already bought upstream. */
export function buildSeed(specs: readonly OrderSpec[], start: number): SeedData {
  const unsorted = specs.map((spec): StoredOrder => {
    const pkg = packages[spec.packageId];
    const lastAttempt = spec.lastAttemptMinutesAgo;
    return {
      _id: spec.id,
      customer: { name: spec.customer, email: emailOf(spec.customer) },
      product: pkg.product,
      packageId: spec.packageId,
      provider: pkg.provider,
      priceCents: pkg.priceCents,
      currency: 'USD',
      status: spec.status,
      ...(spec.autoProvisioned === undefined ? {} : { autoProvisioned: spec.autoProvisioned }),
      provisioningStatus: spec.provisioningStatus ?? null,
      ipAddress: spec.ipAddress ?? null,
      provisioningError: spec.provisioningError ?? null,
      provisioningErrorClass: spec.provisioningError ? (spec.permanentError ? 'permanent' : 'transient') : null,
      resolution: null,
      lastProvisionAttempt: lastAttempt === undefined ? null : minutesBefore(start, lastAttempt),
      upstreamId: spec.upstream?.id ?? null,
      createdAt: minutesBefore(start, spec.createdMinutesAgo),
      paidAt: spec.paidMinutesAgo === undefined ? null : minutesBefore(start, spec.paidMinutesAgo),
      updatedAt: minutesBefore(start, Math.min(spec.createdMinutesAgo, lastAttempt ?? spec.createdMinutesAgo)),
    };
  });
  // toISOString() always writes the same format, so the times sort as text: no date parsing per comparison.
  const orders = unsorted.toSorted((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const servers = specs.flatMap((spec): UpstreamServer[] =>
    spec.upstream
      ? [
          {
            id: spec.upstream.id,
            orderId: spec.id,
            packageId: spec.packageId,
            boughtAt: start - (spec.lastAttemptMinutesAgo ?? spec.createdMinutesAgo) * 60_000,
            ipReadyAt: start + spec.upstream.ipReadyInMinutes * 60_000,
            ipAddress: spec.upstream.ipAddress,
            rootPassword: `seeded-${spec.id.toLowerCase()}`,
          },
        ]
      : [],
  );
  return { orders, servers };
}
