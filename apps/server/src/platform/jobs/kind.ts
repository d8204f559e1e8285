// What a kind of job is: its name, the permission it needs, whether it may run again after a
// restart interrupted it, and the work itself.
import type { Permission } from '@griddesk/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../org/actor';

export interface JobLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

/** What a running job is given. */
export interface JobContext {
  jobId: number;
  /** the database; the job's queries wait behind requests' (db/priority.ts) */
  db: Kysely<DB>;
  /** the job's instant, from the application clock when it started */
  now: Date;
  /** who started it, as they were then (roles, permissions, stations); null: the system */
  actor: Actor | null;
  /**
   * Reports how far the work is. Written at most four times a second (and at every change of
   * phase); awaiting it also ends the job at that point when the server is stopping.
   */
  progress(done: number, total: number, phase: string): Promise<void>;
  /** aborted when the server stops: long work checks it between chunks (progress() does) */
  signal: AbortSignal;
  /** the uploaded file the job was queued with (an import) */
  readInput(): Promise<Buffer>;
  /** stores the job's file (an export), in parts; the result should name it (JobFile) */
  writeOutput(chunks: AsyncIterable<Uint8Array>): Promise<number>;
  log: JobLog;
}

export interface JobKind<P = unknown, R = unknown> {
  kind: string;
  /** what the starter must hold; checked when it is queued and again when it runs */
  permission: Permission;
  /**
   * May run again from the start after a restart interrupted it (its work is idempotent).
   * Otherwise an interrupted job is marked failed and the user starts it again.
   */
  resumable: boolean;
  run(ctx: JobContext, params: P): Promise<R>;
}

export function defineJob<P, R>(kind: JobKind<P, R>): JobKind<P, R> {
  return kind;
}

/** The kinds a process knows; a queued job of another kind is left for a process that knows it. */
export class JobRegistry {
  private readonly kinds = new Map<string, JobKind>();
  constructor(kinds: readonly JobKind<never, unknown>[] = []) {
    for (const k of kinds) this.add(k);
  }
  add(kind: JobKind<never, unknown>): this {
    if (this.kinds.has(kind.kind)) throw new Error(`job kind ${kind.kind} is defined twice`);
    this.kinds.set(kind.kind, kind as unknown as JobKind);
    return this;
  }
  get(kind: string): JobKind | undefined {
    return this.kinds.get(kind);
  }
  names(): string[] {
    return [...this.kinds.keys()];
  }
}
