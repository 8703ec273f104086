import { createContext, use, useState, type ReactNode } from 'react';
import { z } from '@/lib/zod';
import { createStore, useStore, type StoreApi } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useShallow } from 'zustand/react/shallow';
import type { ProvisionAction } from '@/domain/provisioning-rules';

/** A run this admin started and follows until it settles, with the button it was started from. */
export type FollowedRun = { action: ProvisionAction; startedAt: number };

type ProvisioningState = {
  /** Orders whose provision request from this tab has not been answered yet. */
  inFlight: Record<string, ProvisionAction>;
  following: Record<string, FollowedRun>;
  actions: {
    /** Claims the order for one request; false if this tab already has one in flight or follows its run. */
    beginRequest: (orderId: string, action: ProvisionAction) => boolean;
    /** Ends the request, and follows the run it started, if it did. */
    endRequest: (orderId: string, startedRun: boolean) => void;
    /** Stops following; false if the order was not followed, so a settled run is reported once. */
    stopFollowing: (orderId: string) => boolean;
  };
};

type ProvisioningStore = StoreApi<ProvisioningState>;

const ProvisionActionSchema = z.object({
  kind: z.enum(['provision', 'retry']),
  variant: z.enum(['default', 'destructive']),
});
const PersistedSchema = z.object({
  following: z.record(z.string(), z.object({ action: ProvisionActionSchema, startedAt: z.number() })),
});

const STORAGE_KEY = 'provision-console:following-runs';

function without<T>(record: Record<string, T>, orderId: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => id !== orderId));
}

function createProvisioningStore(): ProvisioningStore {
  return createStore<ProvisioningState>()(
    persist(
      (set, get) => ({
        inFlight: {},
        following: {},
        actions: {
          beginRequest: (orderId, action) => {
            const { inFlight, following } = get();
            if (inFlight[orderId] || following[orderId]) return false;
            set({ inFlight: { ...inFlight, [orderId]: action } });
            return true;
          },
          endRequest: (orderId, startedRun) => {
            const { inFlight, following } = get();
            const action = inFlight[orderId];
            set({
              inFlight: without(inFlight, orderId),
              following:
                startedRun && action ? { ...following, [orderId]: { action, startedAt: Date.now() } } : following,
            });
          },
          stopFollowing: (orderId) => {
            const { following } = get();
            if (!following[orderId]) return false;
            set({ following: without(following, orderId) });
            return true;
          },
        },
      }),
      {
        name: STORAGE_KEY,
        // Followed runs survive a reload, so the spinner and the final toast do too; requests in flight cannot.
        storage: createJSONStorage(() => sessionStorage),
        partialize: (state) => ({ following: state.following }),
        merge: (persisted, current) => {
          const parsed = PersistedSchema.safeParse(persisted);
          return parsed.success ? { ...current, following: parsed.data.following } : current;
        },
      },
    ),
  );
}

/** One store per app instance, so each test starts with nothing in flight. */
const ProvisioningStoreContext = createContext<ProvisioningStore | null>(null);

export function ProvisioningStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createProvisioningStore);
  return <ProvisioningStoreContext value={store}>{children}</ProvisioningStoreContext>;
}

function useProvisioningStore<T>(selector: (state: ProvisioningState) => T): T {
  const store = use(ProvisioningStoreContext);
  if (!store) throw new Error('Provisioning hooks must be used inside <ProvisioningStoreProvider>');
  return useStore(store, selector);
}

export function useRequestInFlight(orderId: string): ProvisionAction | undefined {
  return useProvisioningStore((state) => state.inFlight[orderId]);
}

export function useFollowedRun(orderId: string): FollowedRun | undefined {
  return useProvisioningStore((state) => state.following[orderId]);
}

export function useFollowedOrderIds(): string[] {
  return useProvisioningStore(useShallow((state) => Object.keys(state.following)));
}

/** The actions read the store synchronously, so a second click is refused before React re-renders. */
export function useProvisioningActions(): ProvisioningState['actions'] {
  return useProvisioningStore((state) => state.actions);
}
