// Pure computations long enough to hold the event loop (the theft scoring of thousands of series):
// they run in the compute worker thread (compute.ts). Each takes and returns plain data, which is
// all that crosses between threads.
import { scoreCustomers } from '@griddesk/domain/metering/theft';

export const computeTasks = {
  scoreTheft: scoreCustomers,
};

export type ComputeTasks = typeof computeTasks;
export type ComputeTask = keyof ComputeTasks;
