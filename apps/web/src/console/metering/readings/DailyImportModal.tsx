// R-MTR-01/06: daily consumption series for the theft screening, in the layout of the public SGCC
// data set. The server takes the whole file or nothing; a refusal lists every line to correct.
import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Modal, Spin, Typography, Upload } from 'antd';
import { ApiRequestError, apiPost, errorMessage } from '../../../api';
import { formatNumber } from '../../../format';
import { useT } from '../../../i18n';
import { ImportOutcome, type Outcome } from '../../ledger/ImportOutcome';
import type { DailyImportResult } from '@griddesk/shared';

const EXAMPLE = 'CONS_NO,FLAG,2024/1/1,2024/1/2,2024/1/3\n3100000001,0,5.21,4.87,\n3100000002,,12.40,,11.95';

export function DailyImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiPost<DailyImportResult>('/api/metering/daily-consumption', form);
    },
  });
  const refused = upload.error;
  const outcome: Outcome | null = upload.data
    ? { status: 'succeeded', inserted: upload.data.inserted, updated: upload.data.updated, errors: [] }
    : refused
      ? {
          status: refused instanceof ApiRequestError && refused.fields.length > 0 ? 'rejected' : 'failed',
          inserted: 0,
          updated: 0,
          errors: refused instanceof ApiRequestError ? refused.fields : [],
          detail: errorMessage(refused, t),
        }
      : null;

  return (
    <Modal
      open={open}
      title={t('daily.title')}
      onCancel={onClose}
      afterOpenChange={(opened) => opened || upload.reset()}
      width={760}
      footer={<Button onClick={onClose}>{t('daily.close')}</Button>}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('daily.layout')}
      </Typography.Title>
      <ul style={{ paddingInlineStart: 20 }}>
        <li>{t('daily.colConsNo')}</li>
        <li>{t('daily.colFlag')}</li>
        <li>{t('daily.colDates')}</li>
        <li>{t('daily.colBlank')}</li>
      </ul>
      <Typography.Text type="secondary">{t('daily.example')}</Typography.Text>
      <pre style={{ marginTop: 4, padding: 8, background: 'rgba(0,0,0,0.04)', borderRadius: 6, overflowX: 'auto' }}>{EXAMPLE}</pre>
      <div data-testid="daily-file">
        <Upload.Dragger
          accept=".csv"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            upload.mutate(file);
            // The outcome below replaces antd's own file list.
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('daily.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      </div>
      {upload.variables && (
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>{t('import.file', { name: upload.variables.name })}</Typography.Paragraph>
      )}
      {upload.isPending && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Spin />
        </Flex>
      )}
      {outcome && (
        <ImportOutcome
          outcome={outcome}
          successTitle={
            upload.data &&
            t('daily.succeeded', {
              customers: formatNumber(upload.data.rows),
              inserted: formatNumber(upload.data.inserted),
              updated: formatNumber(upload.data.updated),
            })
          }
        />
      )}
      {upload.data && <Typography.Paragraph style={{ marginTop: 12 }}>{t('daily.afterHint')}</Typography.Paragraph>}
    </Modal>
  );
}
