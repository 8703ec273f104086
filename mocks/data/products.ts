import type { Provider } from '@/contract/order';

/** Upstream packages the reseller sells; the key is the package id purchases are locked on. */
export const packages = {
  'smartvps-2gb': { product: 'SmartVPS 2GB RAM', provider: 'smartvps', priceCents: 1_200 },
  'smartvps-4gb': { product: 'SmartVPS 4GB RAM', provider: 'smartvps', priceCents: 2_400 },
  'smartvps-8gb': { product: 'SmartVPS 8GB RAM', provider: 'smartvps', priceCents: 4_800 },
  'hostycare-cloud-s': { product: 'Hostycare Cloud S', provider: 'hostycare', priceCents: 900 },
  'hostycare-cloud-m': { product: 'Hostycare Cloud M', provider: 'hostycare', priceCents: 1_900 },
  'hostycare-cloud-l': { product: 'Hostycare Cloud L', provider: 'hostycare', priceCents: 3_900 },
} as const satisfies Record<string, { product: string; provider: Provider; priceCents: number }>;

export type PackageId = keyof typeof packages;
export const packageIds = Object.keys(packages) as PackageId[];
