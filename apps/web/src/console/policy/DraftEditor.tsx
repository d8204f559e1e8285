// Editing a draft profile (R-CMT-01): the amounts of each rule in place, or the whole definition
// as JSON. The server validates and names the offending field paths.
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiRequestError, apiPut } from '../../api';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { useLang, useT } from '../../i18n';
import { RulesTable } from './RulesTable';
import type { PolicyRule, ProfileDefinition, ProfileDetail } from './types';
import { profileKey, profilesKey } from './useProfiles';

const pretty = (d: unknown) => JSON.stringify(d, null, 2);

function parse(text: string): { ok: true; value: ProfileDefinition } | { ok: false; error: string } {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not an object' };
    return { ok: true, value: value as ProfileDefinition };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** `definition.rules[3].days` → 3: which row of the rules table a server reason belongs to. */
function ruleProblems(error: unknown, lang: 'zh' | 'en'): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!(error instanceof ApiRequestError)) return out;
  for (const f of error.fields) {
    const m = /^definition\.rules\[(\d+)\](?:\.(.+))?$/.exec(f.field);
    if (!m) continue;
    const i = Number(m[1]);
    out.set(i, [...(out.get(i) ?? []), `${m[2] ?? ''} ${lang === 'zh' ? f.reasonZh : f.reason}`.trim()]);
  }
  return out;
}

export function DraftEditor({ profile }: { profile: ProfileDetail }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // What the server holds, as last loaded or saved (the stored JSON may come back reordered).
  const [baseline, setBaseline] = useState(() => pretty(profile.definition));
  const [text, setText] = useState(baseline);
  const parsed = useMemo(() => parse(text), [text]);
  const dirty = text !== baseline;

  const save = useMutation({
    mutationFn: (definition: ProfileDefinition) =>
      apiPut<{ id: string; version: number }>(`/api/policy/profiles/${encodeURIComponent(profile.id)}/${profile.version}`, { definition }),
    onSuccess: async (_, definition) => {
      setBaseline(pretty(definition));
      setText(pretty(definition));
      await queryClient.invalidateQueries({ queryKey: profileKey(profile.id, profile.version) });
      void queryClient.invalidateQueries({ queryKey: profilesKey });
      void message.success(t('policy.saved'));
    },
  });

  const setRule = (index: number, next: PolicyRule) => {
    if (!parsed.ok) return;
    const rules = parsed.value.rules.map((r, i) => (i === index ? next : r));
    setText(pretty({ ...parsed.value, rules }));
  };

  const problems = ruleProblems(save.error, lang);

  return (
    <Flex vertical gap={12} data-testid="draft-editor">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('policy.draftHint')}
      </Typography.Paragraph>
      <ApiErrorAlert error={save.error} testId="draft-error" />
      <Tabs
        items={[
          {
            key: 'amounts',
            label: t('policy.editAmounts'),
            children:
              parsed.ok && Array.isArray(parsed.value.rules) ? (
                <RulesTable rules={parsed.value.rules} onChange={setRule} problems={problems} />
              ) : (
                <Alert type="warning" showIcon title={t('policy.jsonInvalidForTable')} />
              ),
          },
          {
            key: 'json',
            label: t('policy.editJson'),
            children: (
              <Flex vertical gap={8}>
                <Input.TextArea
                  data-testid="draft-json"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 16, maxRows: 40 }}
                  spellCheck={false}
                  style={{ fontFamily: 'ui-monospace, Consolas, monospace', fontSize: 12 }}
                />
                {!parsed.ok && <Alert type="error" showIcon title={t('policy.jsonInvalid', { error: parsed.error })} />}
              </Flex>
            ),
          },
        ]}
      />
      <Space>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!parsed.ok || !dirty}
          loading={save.isPending}
          onClick={() => parsed.ok && save.mutate(parsed.value)}
          data-testid="draft-save"
        >
          {t('policy.save')}
        </Button>
        <Button icon={<UndoOutlined />} disabled={!dirty || save.isPending} onClick={() => setText(baseline)}>
          {t('policy.revert')}
        </Button>
        {dirty && <Typography.Text type="warning">{t('policy.unsaved')}</Typography.Text>}
      </Space>
    </Flex>
  );
}
