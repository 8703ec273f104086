import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { startMockBackendIfEnabled } from '@/app/mock-mode';
import { createQueryClient } from '@/app/query-client';
import { createAppRouter } from '@/app/router';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
try {
  await startMockBackendIfEnabled(queryClient);
} catch (error) {
  // Render anyway: the orders page then shows its error state instead of a blank page.
  console.error('The mock backend failed to start', error);
}

createRoot(rootElement).render(
  <StrictMode>
    <App queryClient={queryClient} router={createAppRouter(queryClient)} />
  </StrictMode>,
);
