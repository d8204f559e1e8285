import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * Page title and its actions. `rules` names the requirements the page implements, for a reader of
 * the code tracing screen to requirement; staff never see requirement numbers on screen.
 */
export function PageHeader({ title, extra }: { title: string; rules?: string[]; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
