import { QueryClient } from '@tanstack/react-query';
import { Grid } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppProviders } from '../providers';
import { PortalApp } from './PortalApp';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false },
    // A submission is retried only by the visitor, with the same idempotency key.
    mutations: { retry: false },
  },
});

function PortalRoot() {
  const screens = Grid.useBreakpoint();
  // A kiosk screen (≥17 inch, 1280 px and wider) is read standing back from it, so type grows with the width.
  const fontSize = screens.xxl ? 20 : screens.xl ? 18 : 16;
  return (
    <AppProviders queryClient={queryClient} theme={{ token: { fontSize } }}>
      <BrowserRouter basename="/portal">
        <PortalApp />
      </BrowserRouter>
    </AppProviders>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PortalRoot />
  </StrictMode>,
);
