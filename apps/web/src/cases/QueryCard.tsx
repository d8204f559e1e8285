// R-CASE-08: the query card (查询卡) handed or printed for the customer: the query code, what was
// received and when, the promised times, and where to track it without signing in.
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, QRCode, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { formatDateTime } from '../format';
import { useT, type Text } from '../i18n';
import type { CaseDeadline } from '@griddesk/shared';
import '../print.css';

export function trackUrl(queryCode: string): string {
  return `${window.location.origin}/portal/track?code=${encodeURIComponent(queryCode)}`;
}

interface Props {
  queryCode: string;
  typeLabel: Text;
  receivedAt: string;
  deadlines: CaseDeadline[];
  /** kiosk and phone screens want larger type */
  large?: boolean;
}

/** The card on screen, and its copy in a body-level container that alone is printed. */
export function QueryCard(props: Props) {
  const [printRoot, setPrintRoot] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const el = document.createElement('div');
    el.className = 'gd-print-root';
    document.body.appendChild(el);
    setPrintRoot(el);
    return () => el.remove();
  }, []);
  return (
    <>
      <CardBody {...props} testId="query-card" />
      {printRoot && createPortal(<CardBody {...props} testId="query-card-print" />, printRoot)}
    </>
  );
}

function CardBody({ queryCode, typeLabel, receivedAt, deadlines, large, testId }: Props & { testId: string }) {
  const t = useT();
  const url = trackUrl(queryCode);
  const due = deadlines.filter((d) => d.dueAt);
  return (
    <Card data-testid={testId} style={{ maxWidth: 640 }}>
      <Typography.Title level={large ? 3 : 4} style={{ marginTop: 0, textAlign: 'center' }}>
        {t('card.title')}
      </Typography.Title>
      <Flex gap={24} align="center" wrap justify="center">
        <Flex vertical align="center" gap={4} style={{ minWidth: 220 }}>
          <Typography.Text type="secondary">{t('card.queryCode')}</Typography.Text>
          <Typography.Text
            strong
            copyable={{ text: queryCode }}
            data-testid="query-card-code"
            style={{ fontSize: large ? 40 : 30, letterSpacing: 3, fontFamily: 'ui-monospace, Consolas, monospace' }}
          >
            {queryCode}
          </Typography.Text>
        </Flex>
        <QRCode value={url} size={large ? 148 : 120} bordered={false} />
      </Flex>
      <Descriptions
        column={1}
        size="small"
        style={{ marginTop: 16 }}
        items={[
          { key: 'type', label: t('card.type'), children: t(typeLabel) },
          { key: 'received', label: t('card.receivedAt'), children: formatDateTime(receivedAt) },
          ...due.map((d) => ({ key: d.rule, label: t(d.label), children: formatDateTime(d.dueAt) })),
          {
            key: 'url',
            label: t('card.trackAt'),
            children: (
              <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                {url}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph strong style={{ marginBottom: 0, marginTop: 12 }}>
        {t('card.keep')}
      </Typography.Paragraph>
    </Card>
  );
}

export function PrintButton({ size, testId }: { size?: 'middle' | 'large'; testId?: string }) {
  const t = useT();
  return (
    <Button size={size} icon={<PrinterOutlined />} onClick={() => window.print()} data-testid={testId}>
      {t('card.print')}
    </Button>
  );
}
