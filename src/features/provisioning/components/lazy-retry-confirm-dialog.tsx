import { lazy, Suspense } from 'react';
import type { RetryConfirmDialogProps } from './retry-confirm-dialog';

const RetryConfirmDialog = lazy(async () => ({ default: (await import('./retry-confirm-dialog')).RetryConfirmDialog }));

/**
 * The retry confirmation, mounted only while open and loaded the first time it opens. A page of
 * failed orders would otherwise mount a closed Radix dialog in every row, and most visits never
 * confirm a retry. Unmounting on close still returns focus to the opener (Radix's focus scope).
 */
export function LazyRetryConfirmDialog(props: RetryConfirmDialogProps) {
  if (!props.open) return null;
  return (
    <Suspense fallback={null}>
      <RetryConfirmDialog {...props} />
    </Suspense>
  );
}
