import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { ApiRequestError, isUnauthorized } from '../api';
import { AppProviders } from '../providers';
import { ConsoleApp } from './App';
import { meKey } from './auth/session';

// A 401 from any call means the session ended: forgetting the user sends the console to login.
const onError = (err: unknown) => {
  if (isUnauthorized(err)) queryClient.setQueryData(meKey, null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network and server errors get one more try.
      retry: (failures, err) => !(err instanceof ApiRequestError && err.status < 500) && failures < 1,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <ConsoleApp />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>,
);
