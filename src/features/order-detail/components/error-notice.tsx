import { CircleAlert, OctagonX, RotateCw, type LucideIcon } from 'lucide-react';
import { useId } from 'react';
import type { ErrorClass, Order } from '@/contract/order';
import { errorClassAdvice } from '@/features/orders';

/** Retrying may help, or it cannot until something changes: an icon for each, never red alone. */
const classIcons: Record<ErrorClass, LucideIcon> = { transient: RotateCw, permanent: OctagonX };

/** The provider's last error and its class in words, with icons: never red alone. */
export function ErrorNotice({ order }: { order: Pick<Order, 'provisioningError' | 'provisioningErrorClass'> }) {
  const headingId = useId();
  if (!order.provisioningError) return null;
  const errorClass = order.provisioningErrorClass;
  const AdviceIcon = errorClass ? classIcons[errorClass] : null;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950"
    >
      <h3 id={headingId} className="font-semibold">
        Last error
      </h3>
      <p className="flex items-start gap-2 text-red-800 dark:text-red-200">
        <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <span className="break-words">{order.provisioningError}</span>
      </p>
      {errorClass && AdviceIcon ? (
        <p className="flex items-start gap-2 text-gray-900 dark:text-gray-100">
          <AdviceIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {errorClassAdvice[errorClass]}
        </p>
      ) : null}
    </section>
  );
}
