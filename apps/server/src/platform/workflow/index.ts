// The clocked-workflow engine: subject kinds register a status machine and their clock rules; the
// engine projects deadlines into workflow_clocks in the transaction of every event, scans the rows
// whose next instant has come, and re-projects what a calendar override moves.
export { registerSubjectKind, subjectKind, subjectKinds, type Breach, type Escalation, type Subject, type SubjectKind } from './kind';
export { POLICY_POINTER, policyAt, policyView, type PolicyPointer, type PolicyView } from './policy-cache';
export { planNewSubject, projectSubjects, type ProjectedSubject, type ProjectOutcome } from './project';
export { scanWorkflow, type ScanResult } from './scan';
export { reprojectForCalendarDay } from './calendar';
export { backfillWorkflow } from './backfill';
export { clockAt, clocksOf, dueBetween, overdueAt, type ClockRow } from './reads';
