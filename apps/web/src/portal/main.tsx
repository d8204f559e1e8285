import { QueryClient } from '@tanstack/react-query';
import { Grid } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from '../providers';
import { StationPage } from './StationPage';

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

function PortalRoot() {
  const screens = Grid.useBreakpoint();
  // A kiosk screen (≥17 inch, 1280 px and wider) is read standing back from it, so type grows with the width.
  const fontSize = screens.xxl ? 20 : screens.xl ? 18 : 16;
  return (
    <AppProviders queryClient={queryClient} theme={{ token: { fontSize } }}>
      <StationPage />
    </AppProviders>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PortalRoot />
  </StrictMode>,
);
