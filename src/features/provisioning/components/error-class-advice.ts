import type { ErrorClass } from '@/contract/order';

/** What an admin can do about each class of failure (issue 5: "what the admin can do"). */
export const errorClassAdvice: Record<ErrorClass, string> = {
  transient: 'Temporary failure: the provider may recover on its own, so retrying is safe.',
  permanent:
    'Permanent failure: it will fail the same way until the cause (stock, balance or configuration) is fixed at the provider. Fix it first, or mark the order resolved.',
};
