// Table types of the workflow migration (0011); merged into DB in schema.ts.
export interface WorkflowClockTable {
  subject_kind: string;
  subject_id: number;
  rule: string;
  station_id: number;
  profile_id: string;
  profile_version: number;
  started_at: Date | null;
  due_at: Date | null;
  met_at: Date | null;
  paused: boolean;
  paused_since: Date | null;
  breached: boolean;
  level: number;
  next_at: Date | null;
  calendar_bound: boolean;
  lead: boolean;
  open: boolean;
  updated_at: Date;
}

export interface WorkflowBackfillTable {
  subject_kind: string;
  subjects: number;
  done_at: Date | undefined;
}

export interface CalendarRevisionTable {
  id: boolean;
  instance: string;
  revision: number;
}

export interface WorkflowTables {
  workflow_clocks: WorkflowClockTable;
  workflow_backfills: WorkflowBackfillTable;
  calendar_revision: CalendarRevisionTable;
}
