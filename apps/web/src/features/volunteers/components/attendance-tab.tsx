// An activity's attendance for its organiser: who checked in and out (with the distance from the
// place, the family along, and the reason when recorded by hand), computed and confirmed minutes
// and status; confirm the hours (optionally fewer minutes than computed) or reject with a reason,
// and record an attendance by hand. Buttons follow `canManage` and each row's status.
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  Input,
  Modal,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import { PersonSelect } from '../../../shared/components/person-select';
import { hoursText } from '../api/volunteer-format';
import type { ActivityDetail, Attendance } from '../api/volunteer-types';
import { useAttendance, useDecideAttendance, useManualAttendance } from '../api/volunteers-api';
import { ReasonModal } from './reason-modal';
import { AttendanceStatusTag } from './volunteer-tags';

export function AttendanceTab({ activity }: { activity: ActivityDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const query = useAttendance(activity.id, activity.canManage);
  const decide = useDecideAttendance();
  const [confirming, setConfirming] = useState<Attendance | null>(null);
  const [rejecting, setRejecting] = useState<Attendance | null>(null);
  const [manual, setManual] = useState(false);
  const items = useMemo(() => query.data ?? [], [query.data]);
  const summary = useMemo(() => {
    const confirmed = items.filter((a) => a.status === 'confirmed');
    return {
      total: items.length,
      pending: items.filter((a) => a.status === 'pending').length,
      confirmed: confirmed.length,
      minutes: confirmed.reduce((s, a) => s + (a.confirmedMinutes ?? 0), 0),
    };
  }, [items]);

  const columns: TableColumnsType<Attendance> = [
    {
      title: t('volunteers.attendance.person'),
      key: 'person',
      width: 120,
      render: (_v, a) => (
        <>
          {a.person.name}
          {a.manualReason ? (
            <Tag color="purple" style={{ marginInlineStart: 4 }} title={a.manualReason}>
              {t('volunteers.attendance.manualTag')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('volunteers.attendance.family'),
      key: 'family',
      width: 150,
      render: (_v, a) => (a.family.length ? a.family.map((f) => `${f.name}（${f.relation}）`).join('、') : '—'),
    },
    {
      title: t('volunteers.attendance.checkIn'),
      key: 'in',
      width: 150,
      render: (_v, a) => (
        <>
          {formatDateTime(a.checkInAt)}
          {a.checkInDistanceM !== null ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('volunteers.attendance.distance', { distance: Math.round(a.checkInDistanceM) })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('volunteers.attendance.checkOut'),
      key: 'out',
      width: 150,
      render: (_v, a) => (
        <>
          {formatDateTime(a.checkOutAt)}
          {a.checkOutDistanceM !== null ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('volunteers.attendance.distance', { distance: Math.round(a.checkOutDistanceM) })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('volunteers.attendance.minutes'),
      dataIndex: 'minutes',
      width: 90,
      align: 'right',
      render: (m: number | null) => (m === null ? '—' : t('volunteers.minutes', { minutes: m })),
    },
    {
      title: t('volunteers.attendance.confirmedMinutes'),
      dataIndex: 'confirmedMinutes',
      width: 90,
      align: 'right',
      render: (m: number | null) => (m === null ? '—' : t('volunteers.minutes', { minutes: m })),
    },
    {
      title: t('volunteers.attendance.status'),
      key: 'status',
      width: 90,
      render: (_v, a) => <AttendanceStatusTag status={a.status} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_v, a) =>
        activity.canManage && a.status === 'pending' ? (
          <Flex gap={4}>
            <Button size="small" type="primary" onClick={() => setConfirming(a)} data-testid="attendance-confirm">
              {t('volunteers.decide.confirm')}
            </Button>
            <Button size="small" danger onClick={() => setRejecting(a)} data-testid="attendance-reject">
              {t('volunteers.decide.reject')}
            </Button>
          </Flex>
        ) : null,
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="attendance-summary">
          {t('volunteers.attendance.summary', {
            total: summary.total,
            pending: summary.pending,
            confirmed: summary.confirmed,
            hours: hoursText(summary.minutes),
          })}
        </Typography.Text>
        {activity.canManage ? (
          <Button icon={<PlusOutlined />} onClick={() => setManual(true)} data-testid="attendance-manual">
            {t('volunteers.attendance.manual')}
          </Button>
        ) : null}
      </Flex>
      <Table<Attendance>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 1000 }}
        onRow={(a) =>
          ({ 'data-testid': 'attendance-row', 'data-attendance-id': a.id, 'data-status': a.status }) as never
        }
        locale={{ emptyText: query.isError ? query.error.message : t('volunteers.attendance.empty') }}
        data-testid="attendance-table"
      />
      {confirming ? (
        <ConfirmModal
          attendance={confirming}
          submitting={decide.isPending}
          onClose={() => setConfirming(null)}
          onSubmit={(minutes) =>
            decide.mutate(
              { id: confirming.id, body: { decision: 'confirm', ...(minutes !== null ? { minutes } : {}) } },
              {
                onSuccess: () => {
                  void message.success(t('volunteers.decide.confirmed'));
                  setConfirming(null);
                },
                onError: (e) => showApiError(e, message),
              },
            )
          }
        />
      ) : null}
      {rejecting ? (
        <ReasonModal
          title={t('volunteers.attendance.rejectTitle', { name: rejecting.person.name })}
          submitting={decide.isPending}
          onClose={() => setRejecting(null)}
          reject={(reason) => decide.mutateAsync({ id: rejecting.id, body: { decision: 'reject', reason } })}
        />
      ) : null}
      {manual ? <ManualModal activity={activity} onClose={() => setManual(false)} /> : null}
    </>
  );
}

function ConfirmModal({
  attendance,
  submitting,
  onSubmit,
  onClose,
}: {
  attendance: Attendance;
  submitting: boolean;
  onSubmit: (minutes: number | null) => void;
  onClose: () => void;
}) {
  const t = useT();
  const computed = attendance.minutes;
  const [minutes, setMinutes] = useState<number | null>(computed);
  return (
    <Modal
      open
      title={t('volunteers.attendance.confirmTitle', { name: attendance.person.name })}
      onCancel={onClose}
      onOk={() => onSubmit(minutes !== null && minutes !== computed ? minutes : null)}
      okText={t('volunteers.decide.confirm')}
      okButtonProps={{ loading: submitting, ...({ 'data-testid': 'attendance-confirm-submit' } as object) }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('volunteers.attendance.confirmMinutes')}
          extra={computed !== null ? t('volunteers.attendance.confirmMinutesHint', { minutes: computed }) : undefined}
        >
          <InputNumber
            min={0}
            max={computed ?? 24 * 60}
            precision={0}
            value={minutes}
            onChange={(v) => setMinutes(v)}
            style={{ width: 160 }}
            data-testid="attendance-confirm-minutes"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ManualValues {
  personId?: number | null;
  time?: [Dayjs | null, Dayjs | null] | null;
  reason?: string;
}

function ManualModal({ activity, onClose }: { activity: ActivityDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ManualValues>();
  const record = useManualAttendance(activity.id);
  const submit = () =>
    void form.validateFields().then((v) => {
      const [from, to] = v.time ?? [null, null];
      record.mutate(
        {
          personId: v.personId as number,
          checkInAt: (from as Dayjs).toISOString(),
          checkOutAt: to ? to.toISOString() : null,
          reason: (v.reason ?? '').trim(),
        },
        {
          onSuccess: () => {
            void message.success(t('volunteers.attendance.manualDone'));
            onClose();
          },
          onError: (e) => showApiError(e, message, form),
        },
      );
    });
  return (
    <Modal
      open
      title={t('volunteers.attendance.manualTitle')}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading: record.isPending, ...({ 'data-testid': 'manual-submit' } as object) }}
      destroyOnHidden
    >
      <Form<ManualValues> form={form} layout="vertical" name="manual">
        <Form.Item
          name="personId"
          label={t('volunteers.attendance.manualPerson')}
          rules={[{ required: true, message: t('volunteers.attendance.manualPersonRequired') }]}
        >
          <PersonSelect />
        </Form.Item>
        <Form.Item
          name="time"
          label={t('volunteers.attendance.manualTime')}
          rules={[
            {
              validator: (_r, v: ManualValues['time']) =>
                v && v[0]
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('volunteers.attendance.manualTimeRequired'))),
            },
          ]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[false, true]}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('volunteers.attendance.manualReason')}
          rules={[
            { required: true, whitespace: true, min: 4, message: t('volunteers.attendance.manualReasonRequired') },
            { max: 200, message: t('validation.maxLength', { max: 200 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="manual-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
