import { lazy, Suspense, useState, type ReactNode } from 'react';
import { createToastStore, ToastStoreContext } from './toast-store';

/**
 * Loaded beside the page rather than before it: Radix's toast and its primitives are a good part of
 * the first load, and no toast shows before the admin has done something. A toast asked for in the
 * meantime waits in the store and shows once the toaster is in.
 */
const LazyToaster = lazy(() => import('./toaster'));

export function ToastProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createToastStore);
  return (
    <ToastStoreContext value={store}>
      {children}
      <Suspense fallback={null}>
        <LazyToaster />
      </Suspense>
    </ToastStoreContext>
  );
}
