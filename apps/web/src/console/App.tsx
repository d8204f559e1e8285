import { Route, Routes } from 'react-router-dom';
import { AuditPage } from './audit/AuditPage';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { DashboardPage } from './dashboard/DashboardPage';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { AreasPage } from './ledger/AreasPage';
import { CustomersPage } from './ledger/CustomersPage';
import { FeedersPage } from './ledger/FeedersPage';
import { ImportExportPage } from './ledger/ImportExportPage';
import { MetersPage } from './ledger/MetersPage';
import { NotFoundPage } from './NotFoundPage';
import { OrgPage } from './org/OrgPage';
import { ComingSoonPage, PLANNED_SECTIONS } from './placeholders';

export function ConsoleApp() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <ConsoleLayout />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="ledger/customers" element={<CustomersPage />} />
        <Route path="ledger/feeders" element={<FeedersPage />} />
        <Route path="ledger/areas" element={<AreasPage />} />
        <Route path="ledger/meters" element={<MetersPage />} />
        <Route path="ledger/import" element={<ImportExportPage />} />
        {PLANNED_SECTIONS.map((section) => (
          <Route key={section.path} path={section.path} element={<ComingSoonPage section={section} />} />
        ))}
        <Route path="org" element={<OrgPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
