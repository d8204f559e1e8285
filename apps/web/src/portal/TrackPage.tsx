// R-CASE-08, R-PUB-02: track a case with the query code from the card, no sign-in; the code may
// come in the address (?code=…) from the card's QR code.
import { FileSearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Input, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ApiRequestError, apiGet, errorMessage } from '../api';
import type { PublicCase } from '@griddesk/shared';
import { useT } from '../i18n';
import { PublicCaseView } from './PublicCaseView';
import { usePortalStation } from './usePortalStation';

export function TrackPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? '').trim().toUpperCase();
  const station = usePortalStation();
  const found = useQuery({
    queryKey: ['/api/portal/cases', code],
    queryFn: () => apiGet<PublicCase>(`/api/portal/cases/${encodeURIComponent(code)}`),
    enabled: code !== '',
    retry: false,
  });
  const notFound = found.error instanceof ApiRequestError && found.error.status === 404;
  const phone = station.data?.station.phone;

  return (
    <Flex vertical gap={24}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          <FileSearchOutlined /> {t('portal.caseTracking')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: '1.1em' }}>{t('track.intro')}</Typography.Paragraph>
        <Input.Search
          key={code}
          size="large"
          enterButton={t('track.search')}
          defaultValue={code}
          placeholder={t('track.placeholder')}
          allowClear
          autoFocus={!code}
          maxLength={32}
          onSearch={(v) => {
            const next = v.trim().toUpperCase();
            setParams(next ? { code: next } : {});
          }}
          style={{ maxWidth: 560 }}
          data-testid="portal-track-input"
        />
      </Card>
      {found.isFetching && !found.data && <Skeleton active paragraph={{ rows: 6 }} />}
      {notFound && (
        <Alert
          type="warning"
          showIcon
          data-testid="portal-track-not-found"
          title={t('track.notFound')}
          description={phone ? t('track.notFoundHelp', { phone }) : t('track.notFoundHelpNoPhone')}
        />
      )}
      {found.isError && !notFound && <Alert type="error" showIcon title={t('track.failed')} description={errorMessage(found.error, t)} />}
      {found.data && <PublicCaseView c={found.data} />}
    </Flex>
  );
}
