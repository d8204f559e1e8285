// Every kind of job this server runs, in one list: the worker takes only kinds it knows.
import { JobRegistry } from './platform/jobs/kind';
import { billsJob, lineLossJob, theftScreeningJob } from './metering/jobs';
import { ledgerExportJob, ledgerImportJob } from './ledger/jobs';

export function jobRegistry(): JobRegistry {
  return new JobRegistry([theftScreeningJob, lineLossJob, billsJob, ledgerExportJob, ledgerImportJob]);
}
