import type { ImportJobView } from '@griddesk/shared';
import { Progress, Typography } from 'antd';
import { formatNumber } from '../../format';
import { useT, type MsgKey } from '../../i18n';

const PHASES: Record<string, MsgKey> = {
  parsing: 'import.phase.parsing',
  validating: 'import.phase.validating',
  writing: 'import.phase.writing',
  done: 'import.phase.done',
};

export function ImportProgress({ job }: { job: ImportJobView }) {
  const t = useT();
  const percent = job.totalRows > 0 ? Math.floor((job.processedRows * 100) / job.totalRows) : job.status === 'running' ? 0 : 100;
  const phaseKey = PHASES[job.phase];
  return (
    <div data-testid="import-progress" data-phase={job.phase} style={{ marginTop: 16 }}>
      <Progress percent={percent} status={job.status === 'running' ? 'active' : job.status === 'succeeded' ? 'success' : 'exception'} />
      <Typography.Text type="secondary">
        {t('import.rowsProgress', {
          phase: phaseKey ? t(phaseKey) : job.phase,
          done: formatNumber(job.processedRows),
          total: formatNumber(job.totalRows),
        })}
      </Typography.Text>
    </div>
  );
}
