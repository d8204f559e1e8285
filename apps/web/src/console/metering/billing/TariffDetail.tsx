// One version of a tariff table as a clerk checks it against the price notice: the tiers with
// their bands and prices, the time-of-use windows with their first-tier prices, the source.
import type { TariffDefinition, TariffTier, TariffTou } from '@griddesk/shared';
import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../i18n';
import { tierBand, TOU_PERIOD_COLORS, TOU_PERIOD_LABELS } from '../../../tariffs/labels';
import { touPriceText, yuanText } from './tariffPrice';

interface TierRow extends TariffTier {
  key: number;
  previous: number | null;
}

export function TariffDetail({ tariff }: { tariff: TariffDefinition }) {
  const t = useT();
  const steps = tariff.tiers?.steps ?? [];
  const tierRows: TierRow[] = steps.map((s, i) => ({ ...s, key: i, previous: i > 0 ? steps[i - 1]!.upToKwh : null }));
  const tierColumns: TableColumnsType<TierRow> = [
    { title: t('tariffs.tierBand'), key: 'band', render: (_, r) => t(tierBand(r.previous, r.upToKwh)) },
    { title: t('tariffs.tierAdd'), dataIndex: 'addPrice', align: 'right', render: (v: number) => (v > 0 ? `+${yuanText(v)}` : yuanText(v)) },
    {
      title: t('tariffs.tierPrice'),
      key: 'price',
      align: 'right',
      render: (_, r) => <Typography.Text strong>{yuanText(tariff.basePrice + r.addPrice)}</Typography.Text>,
    },
  ];
  const touColumns: TableColumnsType<TariffTou & { key: number }> = [
    {
      title: t('tariffs.touPeriod'),
      dataIndex: 'period',
      render: (p: TariffTou['period']) => <Tag color={TOU_PERIOD_COLORS[p]}>{t(TOU_PERIOD_LABELS[p])}</Tag>,
    },
    { title: t('tariffs.touHours'), key: 'hours', render: (_, w) => `${w.from}–${w.to}` },
    {
      title: t('tariffs.touAdjust'),
      key: 'adjust',
      render: (_, w) =>
        [
          w.multiplierPermille !== undefined ? `×${w.multiplierPermille / 1000}` : null,
          w.addPrice !== undefined ? `${w.addPrice > 0 ? '+' : ''}${yuanText(w.addPrice)}` : null,
        ]
          .filter(Boolean)
          .join(' ') || '—',
    },
    {
      title: t('tariffs.touPrice'),
      key: 'price',
      align: 'right',
      render: (_, w) => <Typography.Text strong>{touPriceText(tariff.basePrice, w)}</Typography.Text>,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="tariff-detail">
      <Typography.Text strong>{t('tariffs.tiers')}</Typography.Text>
      {steps.length ? (
        <Table<TierRow> size="small" pagination={false} columns={tierColumns} dataSource={tierRows} />
      ) : (
        <Typography.Text type="secondary">{t('tariffs.noTiers')}</Typography.Text>
      )}
      <Typography.Text strong>{t('tariffs.tou')}</Typography.Text>
      {tariff.tou?.length ? (
        <Table size="small" pagination={false} columns={touColumns} dataSource={tariff.tou.map((w, i) => ({ ...w, key: i }))} />
      ) : (
        <Typography.Text type="secondary">{t('tariffs.noTou')}</Typography.Text>
      )}
      <Typography.Text>
        <Typography.Text strong>{t('tariffs.source')}</Typography.Text>
        {t({ zh: '：', en: ': ' })}
        {tariff.source}
      </Typography.Text>
    </Flex>
  );
}
