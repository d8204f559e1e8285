import { Navigate, Route, Routes } from 'react-router-dom';
import { AuditPage } from './audit/AuditPage';
import { BreachesPage } from './cases/BreachesPage';
import { CaseDetailPage } from './cases/CaseDetailPage';
import { CaseRegisterPage } from './cases/CaseRegisterPage';
import { CasesInboxPage } from './cases/CasesInboxPage';
import { OverdueBoardPage } from './cases/OverdueBoardPage';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { PASSWORD_PATH, RequireAuth } from './auth/RequireAuth';
import { DashboardPage } from './dashboard/DashboardPage';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { AreasPage } from './ledger/AreasPage';
import { CustomersPage } from './ledger/CustomersPage';
import { FeedersPage } from './ledger/FeedersPage';
import { ImportExportPage } from './ledger/ImportExportPage';
import { MetersPage } from './ledger/MetersPage';
import { InspectionsPage } from './metering/inspections/InspectionsPage';
import { LargeCustomersPage } from './metering/readings/LargeCustomersPage';
import { LineLossPage } from './metering/line-loss/LineLossPage';
import { MeteringPolicyPage } from './metering/policy/MeteringPolicyPage';
import { ReadingQualityPage } from './metering/readings/ReadingQualityPage';
import { ReadingSchedulePage } from './metering/readings/ReadingSchedulePage';
import { SuspectsPage } from './metering/theft/SuspectsPage';
import { TariffsPage } from './metering/billing/TariffsPage';
import { NotFoundPage } from './NotFoundPage';
import { OrgPage } from './org/OrgPage';
import { ComingSoonPage, PLANNED_SECTIONS } from './placeholders';
import { CalendarPage } from './policy/CalendarPage';
import { DeadlineCalculatorPage } from './policy/DeadlineCalculatorPage';
import { ProfilePage } from './policy/ProfilePage';
import { ProfilesPage } from './policy/ProfilesPage';
import { RulesPage } from './settings/RulesPage';

export function ConsoleApp() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path={PASSWORD_PATH}
        element={
          <RequireAuth>
            <ChangePasswordPage />
          </RequireAuth>
        }
      />
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
        <Route path="cases" element={<CasesInboxPage />} />
        <Route path="cases/new" element={<CaseRegisterPage />} />
        <Route path="cases/overdue" element={<OverdueBoardPage />} />
        <Route path="cases/breaches" element={<BreachesPage />} />
        <Route path="cases/:id" element={<CaseDetailPage />} />
        <Route path="metering" element={<Navigate to="/metering/readings" replace />} />
        <Route path="metering/readings" element={<ReadingQualityPage />} />
        <Route path="metering/segments" element={<ReadingSchedulePage />} />
        <Route path="metering/lineloss" element={<LineLossPage />} />
        <Route path="metering/large-customers" element={<LargeCustomersPage />} />
        <Route path="metering/suspects" element={<SuspectsPage />} />
        <Route path="metering/inspections" element={<InspectionsPage />} />
        <Route path="metering/tariffs" element={<TariffsPage />} />
        <Route path="metering/policy" element={<MeteringPolicyPage />} />
        <Route path="commitments" element={<Navigate to="/commitments/profiles" replace />} />
        <Route path="commitments/profiles" element={<ProfilesPage />} />
        <Route path="commitments/profiles/:id/:version" element={<ProfilePage />} />
        <Route path="commitments/calendar" element={<CalendarPage />} />
        <Route path="commitments/deadline" element={<DeadlineCalculatorPage />} />
        {PLANNED_SECTIONS.map((section) => (
          <Route key={section.path} path={section.path} element={<ComingSoonPage section={section} />} />
        ))}
        <Route path="settings/rules" element={<RulesPage />} />
        <Route path="org" element={<OrgPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
