import { Flex, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** Page title with the SPEC rules the page implements, so a reviewer can trace screen to requirement. */
export function PageHeader({ title, rules, extra }: { title: string; rules?: string[]; extra?: ReactNode }) {
  const t = useT();
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Space align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {rules?.map((rule) => (
          <Tag key={rule} variant="filled" title={t('common.rules')}>
            {rule}
          </Tag>
        ))}
      </Space>
      {extra}
    </Flex>
  );
}
