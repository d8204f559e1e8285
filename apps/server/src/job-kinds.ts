// Every kind of job this server runs, in one list: the worker takes only kinds it knows.
import { JobRegistry } from './platform/jobs/kind';
import { billsJob } from './metering/billing/jobs';
import { lineLossJob } from './metering/line-loss/jobs';
import { theftScreeningJob } from './metering/theft/jobs';
import { ledgerExportJob, ledgerImportJob } from './ledger/jobs';

export function jobRegistry(): JobRegistry {
  return new JobRegistry([theftScreeningJob, lineLossJob, billsJob, ledgerExportJob, ledgerImportJob]);
}
