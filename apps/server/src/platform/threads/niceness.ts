// Lowers the scheduling priority of the calling thread (Linux: setpriority on its thread id), so a
// thread doing background computation yields the CPU to the threads answering requests. Elsewhere,
// or without /proc, it does nothing.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

export function lowerThreadPriority(niceness = 10): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, niceness);
    return true;
  } catch {
    return false;
  }
}
