import type { ErrorClass, OrderStatus, Provider, RunStep } from '@/contract/order';
import type { AttentionReason } from '@/domain/attention';
import type { ProvisioningFilter } from '@/contract/orders-api';
import type { BadgeTone } from '@/components/ui/badge/badge';

export const statusLabels: Record<OrderStatus, string> = {
  pending: 'Pending',
  paid: 'Paid',
  confirmed: 'Confirmed',
  active: 'Active',
  cancelled: 'Cancelled',
};

export const statusTones: Record<OrderStatus, BadgeTone> = {
  pending: 'neutral',
  paid: 'info',
  confirmed: 'info',
  active: 'success',
  cancelled: 'neutral',
};

export const providerLabels: Record<Provider, string> = {
  smartvps: 'SmartVPS',
  hostycare: 'Hostycare',
};

/** `none` is how the URL and the filter spell "never started" (`provisioningStatus: null`). */
export const provisioningLabels: Record<ProvisioningFilter, string> = {
  none: 'Not started',
  provisioning: 'Provisioning',
  failed: 'Failed',
  active: 'Active',
};

export const provisioningTones: Record<ProvisioningFilter, BadgeTone> = {
  none: 'neutral',
  provisioning: 'warning',
  failed: 'danger',
  active: 'success',
};

export const runStepLabels: Record<RunStep, string> = {
  waitingForPackage: 'Queued behind another purchase',
  buyVps: 'Buying the VPS',
  statusCheck: 'Waiting for an IP address',
  createService: 'Creating the service',
  retryDelay: 'Waiting to retry',
};

export const attentionLabels: Record<AttentionReason, string> = {
  failed: 'Provisioning failed',
  stuck: 'Stuck without an IP',
  neverProvisioned: 'Paid, never provisioned',
};

/** What each class of failure means for the admin, and what they can do about it. */
export const errorClassAdvice: Record<ErrorClass, string> = {
  transient: 'Temporary failure: the provider may recover; retrying is safe',
  permanent:
    'Permanent failure: fix the cause at the provider (stock, balance or configuration) before retrying, or mark the order resolved',
};

/** Short, beside the provider's error in the list; `errorClassAdvice` says what to do. */
export const errorClassLabels: Record<ErrorClass, string> = {
  transient: 'Temporary',
  permanent: 'Permanent',
};
