// R-MTR-04/05: monthly line loss by county (comprehensive), station, feeder (HV) and area (LV),
// each against its own target; drilled down to the customers of an area, with a row's trend and
// the areas out of target month after month.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Flex, Segmented, Skeleton, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../../ApiErrorAlert';
import { formatDateTime } from '../../../format';
import { useT } from '../../../i18n';
import { PageHeader } from '../../PageHeader';
import { JobProgress } from '../../jobs/JobProgress';
import { QueryError } from '../../QueryError';
import { AreaCustomersTable } from './AreaCustomersTable';
import { useLossList, useRecompute } from './lineLossQueries';
import { LOSS_LEVEL_LABELS } from './lossLabels';
import { LossTable, rateOf } from './LossTable';
import { PeriodPicker } from '../PeriodPicker';
import { usePeriodParam } from '../period';
import { LOSS_LEVELS, type LossLevel, type LossRow } from '@griddesk/shared';
import { WatchListTable } from './WatchListTable';
import { useCan } from '../../auth/useCan';

const LossTrendChart = lazy(() => import('./LossTrendChart'));

interface TrendTarget {
  level: LossLevel;
  code: string;
  name: string;
  /** the drill-down position the pick was made at; a pick is forgotten once the user moves */
  at: string;
}

const isLevel = (v: string | null): v is LossLevel => LOSS_LEVELS.includes(v as LossLevel);

export function LineLossPage() {
  const t = useT();
  const { message } = App.useApp();
  const canRun = useCan('metering.run');
  const [period, setPeriod] = usePeriodParam();
  const [params, setParams] = useSearchParams();
  const levelParam = params.get('level');
  const start: LossLevel = isLevel(levelParam) ? levelParam : 'county';
  const startIndex = LOSS_LEVELS.indexOf(start);
  // `at` holds the codes opened below the start level: county → station → feeder → area.
  const trail = params.getAll('at').slice(0, LOSS_LEVELS.length - startIndex);
  const depth = startIndex + trail.length;
  const level = LOSS_LEVELS[depth] ?? null;
  const parent = trail.at(-1);
  const here = trail.join('/');

  const [names, setNames] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<TrendTarget | null>(null);
  const list = useLossList(period, level, parent);
  const recompute = useRecompute((r) => {
    const area = r.counts.area;
    void message.success(
      t('loss.recomputed', {
        period: r.period,
        qualified: area?.qualified ?? 0,
        high: area?.high_loss ?? 0,
        negative: area?.negative_loss ?? 0,
        na: area?.not_computable ?? 0,
      }),
    );
  });

  const searchFor = (nextStart: LossLevel, nextTrail: string[]) => {
    const out = new URLSearchParams(params);
    out.set('level', nextStart);
    out.delete('at');
    for (const code of nextTrail) out.append('at', code);
    return `?${out.toString()}`;
  };
  const go = (nextStart: LossLevel, nextTrail: string[]) => setParams(new URLSearchParams(searchFor(nextStart, nextTrail)));

  const nameOf = (i: number, code: string) => names[`${LOSS_LEVELS[startIndex + i]}:${code}`] ?? code;
  // Until a row is picked the chart follows the row drilled into, or at the top the worst row.
  const worst = level ? (list.data?.items ?? []).reduce<LossRow | null>((w, r) => (w === null || rateOf(r) > rateOf(w) ? r : w), null) : null;
  const trendTarget: TrendTarget | null =
    picked && picked.at === here
      ? picked
      : parent
        ? { level: LOSS_LEVELS[depth - 1]!, code: parent, name: nameOf(trail.length - 1, parent), at: here }
        : worst && level
          ? { level, code: worst.code, name: worst.name, at: here }
          : null;

  const allLabel = t('loss.all', { level: t(LOSS_LEVEL_LABELS[start]) });
  const crumbs = [
    { key: 'all', title: trail.length ? <Link to={searchFor(start, [])}>{allLabel}</Link> : allLabel },
    ...trail.map((code, i) => ({
      key: `${i}:${code}`,
      title: i < trail.length - 1 ? <Link to={searchFor(start, trail.slice(0, i + 1))}>{nameOf(i, code)}</Link> : nameOf(i, code),
    })),
  ];

  const runRecompute = () => recompute.start(period);

  const ranking = (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Segmented<LossLevel>
          data-testid="loss-level"
          value={start}
          onChange={(next) => go(next, [])}
          options={LOSS_LEVELS.map((l) => ({ value: l, label: t(LOSS_LEVEL_LABELS[l]) }))}
        />
        {level &&
          list.data &&
          (list.data.runAt ? (
            <Typography.Text type="secondary" data-testid="loss-run-at">
              {t('loss.runAt', { at: formatDateTime(list.data.runAt) })}
            </Typography.Text>
          ) : null)}
      </Flex>
      <Breadcrumb data-testid="loss-breadcrumb" items={crumbs} />
      {level && list.data && !list.data.runAt && <Alert type="info" showIcon title={t('loss.notRun', { period })} />}
      {level ? (
        <>
          {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
          <Typography.Text type="secondary">{t('loss.drillHint')}</Typography.Text>
          <LossTable
            level={level}
            rows={list.data?.items ?? []}
            loading={list.isFetching}
            trendCode={trendTarget?.code}
            onOpen={(row) => {
              setNames((prev) => ({ ...prev, [`${level}:${row.code}`]: row.name }));
              go(start, [...trail, row.code]);
            }}
            onTrend={(row) => setPicked({ level, code: row.code, name: row.name, at: here })}
          />
        </>
      ) : (
        parent && (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('loss.customersOf', { area: nameOf(trail.length - 1, parent), period })}
            </Typography.Title>
            <AreaCustomersTable period={period} area={parent} />
          </>
        )
      )}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('nav.meteringLineLoss')}
        rules={['R-MTR-04', 'R-MTR-05']}
        extra={
          <Space wrap>
            <PeriodPicker value={period} onChange={setPeriod} />
            {canRun && (
              <Button icon={<ReloadOutlined />} loading={recompute.busy} onClick={runRecompute} data-testid="loss-recompute">
                {t('loss.recompute')}
              </Button>
            )}
          </Space>
        }
      />
      <ApiErrorAlert error={recompute.startError} testId="loss-recompute-error" />
      {recompute.job.data && recompute.job.data.status !== 'succeeded' && <JobProgress job={recompute.job} testId="loss-job" />}
      <Card>
        <Tabs
          items={[
            { key: 'ranking', label: t('loss.tabRanking'), children: ranking },
            {
              key: 'watch',
              label: t('loss.tabWatch'),
              children: (
                <WatchListTable
                  period={period}
                  trendCode={trendTarget?.code}
                  onTrend={(row) => setPicked({ level: 'area', code: row.code, name: row.name, at: here })}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card style={{ marginTop: 16 }} title={trendTarget ? t('loss.trendTitle', { name: trendTarget.name }) : t('loss.trend')} data-testid="loss-trend">
        {trendTarget ? (
          <Suspense fallback={<Skeleton active />}>
            <LossTrendChart level={trendTarget.level} code={trendTarget.code} period={period} />
          </Suspense>
        ) : (
          <Typography.Text type="secondary">{t('loss.trendPick')}</Typography.Text>
        )}
      </Card>
    </>
  );
}
