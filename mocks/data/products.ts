import type { Provider } from '@/contract/order';
import type { PackageId } from '@/contract/scenario-document';

export { packageIds } from '@/contract/scenario-document';

/** What each upstream package is, by the id purchases are locked on (the ids are the scenario documents'). */
export const packages = {
  'smartvps-2gb': { product: 'SmartVPS 2GB RAM', provider: 'smartvps', priceCents: 1_200 },
  'smartvps-4gb': { product: 'SmartVPS 4GB RAM', provider: 'smartvps', priceCents: 2_400 },
  'smartvps-8gb': { product: 'SmartVPS 8GB RAM', provider: 'smartvps', priceCents: 4_800 },
  'hostycare-cloud-s': { product: 'Hostycare Cloud S', provider: 'hostycare', priceCents: 900 },
  'hostycare-cloud-m': { product: 'Hostycare Cloud M', provider: 'hostycare', priceCents: 1_900 },
  'hostycare-cloud-l': { product: 'Hostycare Cloud L', provider: 'hostycare', priceCents: 3_900 },
} as const satisfies Record<PackageId, { product: string; provider: Provider; priceCents: number }>;
