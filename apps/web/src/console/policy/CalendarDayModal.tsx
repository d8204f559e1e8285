// Override one date of the working calendar: a day off, a working day, or back to the bundled
// official data (R-CMT-02). Every change is audited by the server.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { apiDelete, apiPut } from '../../api';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { useT } from '../../i18n';
import { kindOf } from './MonthGrid';
import type { CalendarDay, CalendarOverrideInput } from '@griddesk/shared';

interface Props {
  day: string;
  special: CalendarDay | undefined;
  canEdit: boolean;
  onClose: () => void;
}

interface DayForm {
  off: 'off' | 'work';
  name?: string;
}

export function CalendarDayModal({ day, special, canEdit, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DayForm>();
  const kind = kindOf(day, special);
  const isOff = kind === 'holiday' || kind === 'weekend';
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: ['/api/policy/calendar'] });
    void queryClient.invalidateQueries({ queryKey: ['/api/policy/deadline'] });
    void message.success(t('calendar.saved', { day }));
    onClose();
  };
  const save = useMutation({
    mutationFn: (v: DayForm) =>
      apiPut(`/api/policy/calendar/${day}`, { off: v.off === 'off', ...(v.name?.trim() ? { name: v.name.trim() } : {}) } satisfies CalendarOverrideInput),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => apiDelete(`/api/policy/calendar/${day}`), onSuccess: done });
  const busy = save.isPending || remove.isPending;

  return (
    <Modal
      open
      title={t('calendar.dayTitle', { day, weekday: t('calendar.weekdays').split(',')[(dayjs(day).day() + 6) % 7] ?? '' })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        canEdit ? (
          <Space>
            {special?.source === 'override' && (
              <Button danger loading={remove.isPending} disabled={busy} onClick={() => remove.mutate()} data-testid="calendar-day-remove">
                {t('calendar.removeOverride')}
              </Button>
            )}
            <Button onClick={onClose}>{t('cases.cancel')}</Button>
            <Button type="primary" loading={save.isPending} disabled={busy} onClick={() => form.submit()} data-testid="calendar-day-save">
              {t('calendar.saveOverride')}
            </Button>
          </Space>
        ) : (
          <Button onClick={onClose}>{t('card.close')}</Button>
        )
      }
    >
      <ApiErrorAlert error={save.error ?? remove.error} />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'now', label: t('calendar.currently'), children: <span data-testid="calendar-day-kind">{t(`calendar.kind.${kind}`)}</span> },
          { key: 'name', label: t('calendar.name'), children: special?.name ?? '—' },
          {
            key: 'source',
            label: t('calendar.source'),
            children: special ? t(special.source === 'override' ? 'calendar.sourceOverride' : 'calendar.sourceBundled') : t('calendar.sourceRule'),
          },
        ]}
      />
      {canEdit ? (
        <Form<DayForm>
          form={form}
          layout="vertical"
          initialValues={{ off: isOff ? 'work' : 'off', name: special?.name ?? '' }}
          onFinish={(v) => save.mutate(v)}
          style={{ marginTop: 16 }}
        >
          <Form.Item name="off" label={t('calendar.setAs')}>
            <Radio.Group>
              <Radio.Button value="off">
                <span data-testid="calendar-day-off">{t('calendar.setOff')}</span>
              </Radio.Button>
              <Radio.Button value="work">
                <span data-testid="calendar-day-work">{t('calendar.setWork')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="name" label={t('calendar.nameLabel')}>
            <Input maxLength={50} placeholder={t('calendar.namePlaceholder')} data-testid="calendar-day-name" />
          </Form.Item>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('calendar.readOnly')}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
