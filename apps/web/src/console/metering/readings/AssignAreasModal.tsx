// R-MTR-01: a segment follows a walking route of transformer areas; assigning an area puts all of
// its customers into the segment. Areas are searched on the server: a station has hundreds.
import type { AreaRow, Page } from '@griddesk/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { apiGet } from '../../../api';
import { ApiErrorAlert, showFieldErrors } from '../../../ApiErrorAlert';
import { useLang, useT } from '../../../i18n';
import { useAssignAreas } from './segmentQueries';

const SEARCH_DELAY_MS = 300;
const OPTIONS = 50;

function useAreaSearch(text: string) {
  const [q, setQ] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const params = { q, limit: OPTIONS };
  return useQuery({
    queryKey: ['/api/ledger/areas', params],
    queryFn: () => apiGet<Page<AreaRow>>('/api/ledger/areas', params),
    placeholderData: keepPreviousData,
  });
}

export function AssignAreasModal({ code, onClose }: { code: string | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ areaCodes: string[] }>();
  const [search, setSearch] = useState('');
  const areas = useAreaSearch(search);
  const assign = useAssignAreas();

  const submit = ({ areaCodes }: { areaCodes: string[] }) =>
    code &&
    assign.mutate(
      { code, areaCodes },
      {
        onSuccess: (r) => {
          void message.success(t('segments.assigned', { areas: r.areas, customers: r.customers, code: r.code }));
          onClose();
        },
        onError: (err) => showFieldErrors(form, err, lang),
      },
    );

  return (
    <Modal
      open={code !== null}
      title={t('segments.assignTitle', { code: code ?? '' })}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(opened) => {
        if (opened) return;
        assign.reset();
        setSearch('');
      }}
      width={640}
      footer={
        <Space>
          <Button onClick={onClose}>{t('segments.cancel')}</Button>
          <Button type="primary" loading={assign.isPending} onClick={() => form.submit()} data-testid="assign-submit">
            {t('segments.assign')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('segments.assignHint')}</Typography.Paragraph>
      <ApiErrorAlert error={assign.error} testId="assign-error" />
      <Form<{ areaCodes: string[] }> form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="areaCodes" label={t('segments.areas')} rules={[{ required: true, message: t('segments.areasRequired') }]}>
          <Select<string[]>
            data-testid="assign-areas"
            mode="multiple"
            placeholder={t('segments.areasPlaceholder')}
            showSearch={{ onSearch: setSearch, filterOption: false }}
            loading={areas.isFetching}
            options={(areas.data?.items ?? []).map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
