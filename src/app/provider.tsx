import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ToastProvider } from '@/components/ui/toast/toast-provider';
import { ProvisioningStoreProvider } from '@/features/provisioning';

export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ProvisioningStoreProvider>
        <ToastProvider>{children}</ToastProvider>
      </ProvisioningStoreProvider>
    </QueryClientProvider>
  );
}
