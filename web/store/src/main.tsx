import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './app.tsx';
import { LanguageProvider } from './i18n/index.tsx';
import './styles.css';

// Requests run even when the browser says it is offline (TanStack Query would hold them silently): a cash sale is then
// kept on the device (offline/), an item comes from what the register remembers, anything else says it needs the server.
const queries = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, staleTime: 5_000, refetchOnWindowFocus: true, networkMode: 'always' },
    mutations: { networkMode: 'always' },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <LanguageProvider>
        <Router base="/store">
          <App />
        </Router>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
