// Rules and permissions: the versioned documents that have no page of their own — who may do
// what, the limits of the public entry points and of case evidence, the banned phrases, the theft
// and violation rules. Each card shows what the signed-in user may read.
import type { DocumentKindView } from '@griddesk/shared';
import { Alert, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { useCurrentUser } from '../auth/RequireAuth';
import { RuleCard } from './RuleCard';
import { AttachmentFields, PhraseFields, RateFields, RoleFields, SupplyRuleFields } from './RuleFields';
import { useDocumentKinds } from './useDocuments';

/** Kinds kept on pages of their own. */
const ELSEWHERE: Record<string, string> = {
  'commitment-profile': '/commitments/profiles',
  'metering-policy': '/metering/policy',
  tariff: '/metering/tariffs',
};

const ORDER = ['role-permissions', 'rate-limits', 'attachment-limits', 'banned-phrases', 'supply-rules'];

export function RulesPage() {
  const t = useT();
  const me = useCurrentUser();
  const kinds = useDocumentKinds();
  const readable = (k: DocumentKindView) => k.readPermission === 'signed-in' || me.permissions.includes(k.readPermission as (typeof me.permissions)[number]);
  const here = (kinds.data ?? []).filter((k) => !ELSEWHERE[k.kind]).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  const elsewhere = (kinds.data ?? []).filter((k) => ELSEWHERE[k.kind] && readable(k));

  return (
    <>
      <PageHeader title={t('nav.rules')} />
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      {elsewhere.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            <Space wrap>
              {t('rules.elsewhere')}：
              {elsewhere.map((k) => (
                <Link key={k.kind} to={ELSEWHERE[k.kind]!}>
                  {t(k.label)}
                </Link>
              ))}
            </Space>
          }
        />
      )}
      {kinds.isError && <QueryError error={kinds.error} onRetry={() => void kinds.refetch()} />}
      {here.filter(readable).map((kind) => (
        <RuleCard
          key={kind.kind}
          kind={kind}
          fields={(readOnly, definition) => {
            switch (kind.kind) {
              case 'role-permissions':
                return <RoleFields readOnly={readOnly} />;
              case 'rate-limits':
                return <RateFields readOnly={readOnly} />;
              case 'attachment-limits':
                return <AttachmentFields readOnly={readOnly} />;
              case 'banned-phrases':
                return <PhraseFields readOnly={readOnly} />;
              case 'supply-rules': {
                const v = (definition.violations ?? {}) as Record<string, { zh: string; en: string }>;
                return <SupplyRuleFields readOnly={readOnly} violations={Object.entries(v).map(([type, r]) => ({ type, zh: r.zh, en: r.en }))} />;
              }
              default:
                return null;
            }
          }}
        />
      ))}
    </>
  );
}
