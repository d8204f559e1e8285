import { Button, Result } from 'antd';
import { errorMessage } from '../api';
import { useT } from '../i18n';

/** A portal page whose data did not load: what went wrong, and one large button to try again. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={errorMessage(error, t)}
      extra={
        <Button size="large" type="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
