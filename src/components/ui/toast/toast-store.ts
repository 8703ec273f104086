import { createContext, use } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';

export type ToastTone = 'info' | 'success' | 'error' | 'warning';

export type ToastInput = { title: string; description?: string; tone: ToastTone };

export type Toast = ToastInput & { id: number };

type ToastState = {
  toasts: Toast[];
  /** Kept in one stable object so `useToast()` never re-renders its caller. */
  actions: { show: (toast: ToastInput) => void };
  dismiss: (id: number) => void;
};

export type ToastStore = StoreApi<ToastState>;

export function createToastStore(): ToastStore {
  let nextId = 1;
  return createStore<ToastState>()((set) => ({
    toasts: [],
    actions: {
      show: (toast) => set((state) => ({ toasts: [...state.toasts, { ...toast, id: nextId++ }] })),
    },
    dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
  }));
}

/** One store per app instance, so each test starts without the previous test's toasts. */
export const ToastStoreContext = createContext<ToastStore | null>(null);

export function useToastStore<T>(selector: (state: ToastState) => T): T {
  const store = use(ToastStoreContext);
  if (!store) throw new Error('useToast must be used inside <ToastProvider>');
  return useStore(store, selector);
}

/** `show()` stays valid after the caller unmounts, so async work can still report its outcome. */
export function useToast(): ToastState['actions'] {
  return useToastStore((state) => state.actions);
}
