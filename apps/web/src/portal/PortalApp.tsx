import { Route, Routes } from 'react-router-dom';
import { CommitmentsPage } from './CommitmentsPage';
import { PortalLayout } from './PortalLayout';
import { StationPage } from './StationPage';
import { SubmitPage } from './SubmitPage';
import { TariffsPage } from './TariffsPage';
import { TrackPage } from './TrackPage';

/** Routes below /portal (the router's basename). */
export function PortalApp() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<StationPage />} />
        <Route path="submit" element={<SubmitPage />} />
        <Route path="track" element={<TrackPage />} />
        <Route path="commitments" element={<CommitmentsPage />} />
        <Route path="tariffs" element={<TariffsPage />} />
        <Route path="*" element={<StationPage />} />
      </Route>
    </Routes>
  );
}
