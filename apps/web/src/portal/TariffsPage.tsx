// R-MTR-03 published: the electricity prices in force, with the residential tiers and the peak and
// valley hours, readable by anyone at the counter or at home without signing in.
import { MoneyCollectOutlined } from '@ant-design/icons';
import type { PublicTariff, PublicTariffPage } from '@griddesk/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { apiGet } from '../api';
import { useT } from '../i18n';
import { CUSTOMER_CLASS_LABELS, tierBand, TARIFF_VOLTAGE_LABELS, TOU_PERIOD_COLORS, TOU_PERIOD_LABELS } from '../tariffs/labels';
import { LoadFailed } from './LoadFailed';

type TierRow = PublicTariff['tiers'][number] & { n: number; previous: number | null };

function TariffCard({ tariff }: { tariff: PublicTariff }) {
  const t = useT();
  const tiers: TierRow[] = tariff.tiers.map((s, i) => ({ ...s, n: i + 1, previous: i > 0 ? tariff.tiers[i - 1]!.upToKwh : null }));
  return (
    <Card
      data-testid="portal-tariff"
      data-code={tariff.code}
      style={{ height: '100%' }}
      title={<span style={{ fontSize: '1.15em', whiteSpace: 'normal' }}>{t({ zh: tariff.name, en: tariff.nameEn })}</span>}
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Tag color={tariff.customerClass === 'residential' ? 'green' : 'blue'}>{t(CUSTOMER_CLASS_LABELS[tariff.customerClass])}</Tag>
        <Tag>{t(TARIFF_VOLTAGE_LABELS[tariff.voltageLevel])}</Tag>
      </Flex>
      <Statistic
        title={t('portalTariffs.basePrice')}
        value={tariff.basePriceYuan}
        suffix={<span style={{ fontSize: '0.6em' }}>{t('portalTariffs.unit')}</span>}
      />
      {tiers.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('portalTariffs.tiers')}
          </Typography.Title>
          <Table<TierRow>
            rowKey="n"
            size="small"
            pagination={false}
            dataSource={tiers}
            columns={[
              { title: t('tariffs.tiers'), dataIndex: 'n', render: (n: number) => t('portalTariffs.tier', { n }) },
              { title: t('tariffs.tierBand'), key: 'band', render: (_, r) => t(tierBand(r.previous, r.upToKwh)) },
              { title: t('tariffs.tierPrice'), dataIndex: 'priceYuan', align: 'right', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            ]}
          />
        </>
      )}
      {tariff.timeOfUse.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('portalTariffs.tou')}
          </Typography.Title>
          <Flex gap={8} wrap>
            {tariff.timeOfUse.map((w) => (
              <Tag key={`${w.period}-${w.from}`} color={TOU_PERIOD_COLORS[w.period]} style={{ fontSize: '1em', padding: '2px 8px' }}>
                {t(TOU_PERIOD_LABELS[w.period])} {w.from}–{w.to}
              </Tag>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}

export function TariffsPage() {
  const t = useT();
  const data = useQuery({ queryKey: ['/api/portal/tariffs'], queryFn: () => apiGet<PublicTariffPage>('/api/portal/tariffs') });

  if (data.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (data.isError) {
    return <LoadFailed error={data.error} onRetry={() => void data.refetch()} />;
  }
  // residential prices first: what most visitors come to read
  const items = [...data.data.items].sort((a, b) => Number(b.customerClass === 'residential') - Number(a.customerClass === 'residential'));

  return (
    <Flex vertical gap={24} data-testid="portal-tariffs">
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          <MoneyCollectOutlined /> {t('portal.tariffs')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: '1.1em', margin: 0 }}>{t('portalTariffs.intro')}</Typography.Paragraph>
      </Card>
      {items.length === 0 ? (
        <Empty description={t('portalTariffs.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {items.map((tariff) => (
            <Col key={tariff.code} xs={24} lg={12}>
              <TariffCard tariff={tariff} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}
