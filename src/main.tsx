import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { createQueryClient } from '@/app/query-client';
import { createAppRouter } from '@/app/router';

async function startMockBackendIfEnabled(): Promise<void> {
  if (import.meta.env.VITE_API_MOCKING !== 'enabled') return;
  // Dynamic on purpose: the mock backend lands in its own chunk, absent from a build without mocks.
  const { startMockBackend } = await import('@mocks/browser');
  await startMockBackend();
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

try {
  await startMockBackendIfEnabled();
} catch (error) {
  // Render anyway: the orders page then shows its error state instead of a blank page.
  console.error('The mock backend failed to start', error);
}

createRoot(rootElement).render(
  <StrictMode>
    <App queryClient={createQueryClient()} router={createAppRouter()} />
  </StrictMode>,
);
