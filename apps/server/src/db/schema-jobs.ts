// Table types of the jobs migration (0010); merged into DB in schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | undefined, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  status: Generated<JobStatus>;
  params: Json;
  progress: NullableJson;
  result: NullableJson;
  error: NullableJson;
  created_by: number | null;
  actor: NullableJson;
  station_ids: ColumnType<number[], number[] | undefined, number[]>;
  resumable: Generated<boolean>;
  attempts: Generated<number>;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  heartbeat_at: NullableTimestamp;
}

export interface JobFileTable {
  job_id: number;
  role: 'input' | 'output';
  part: number;
  content: Uint8Array;
}

export interface JobTables {
  jobs: JobTable;
  job_files: JobFileTable;
}
