// 活动类型 (/volunteer/activity-types): the city's activity types — the 五个一, the city-wide days
// (城市清洁日, 学雷锋, 文明交通劝导) and any the city office adds — with the 五个一 item each counts
// as, the order in the pickers, and whether it can still be chosen. The city office adds, renames,
// re-sorts and retires types; others see the list. The server refuses changing the item of a type
// activities already use (the tracker of past weeks was computed with it).
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { FIVE_ONE, type FiveOneItem } from '@cc/common/volunteers';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { showApiError } from '../../../shared/form-errors';
import { listEmptyText } from '../../../shared/list-empty';
import type { ActivityType } from '../api/volunteer-types';
import { useActivityTypeSettings, useCreateActivityType, useUpdateActivityType } from '../api/volunteers-api';

const NONE = 'none';

export default function ActivityTypesPage() {
  const t = useT();
  const { message } = App.useApp();
  const query = useActivityTypeSettings();
  const update = useUpdateActivityType();
  const [editing, setEditing] = useState<ActivityType | 'new' | null>(null);
  const canEdit = query.data?.canEdit ?? false;

  const columns: TableColumnsType<ActivityType> = [
    { title: t('volunteers.types.name'), dataIndex: 'name', ellipsis: true },
    { title: t('volunteers.types.code'), dataIndex: 'code', width: 140 },
    {
      title: t('volunteers.types.fiveOne'),
      dataIndex: 'fiveOne',
      width: 160,
      render: (v: FiveOneItem | null) =>
        v ? <Tag color="volcano">{t(`volunteers.fiveOne.${v}`)}</Tag> : t('volunteers.types.noFiveOne'),
    },
    { title: t('volunteers.types.sort'), dataIndex: 'sort', width: 80, align: 'right' },
    {
      title: t('volunteers.types.active'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean, row) => (
        <Switch
          size="small"
          checked={active}
          disabled={!canEdit}
          loading={update.isPending && update.variables?.code === row.code}
          onChange={(next) =>
            update.mutate({ code: row.code, body: { active: next } }, { onError: (e) => showApiError(e, message) })
          }
          data-testid="type-active"
        />
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_v: unknown, row: ActivityType) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(row)} data-testid="type-edit">
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small" title={t('volunteers.types.title')} data-testid="page-volunteer-activity-types">
      <ListToolbar
        filters={
          <Typography.Text type="secondary">
            {t(canEdit ? 'volunteers.types.hint' : 'volunteers.types.readOnly')}
          </Typography.Text>
        }
        actions={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="type-new">
              {t('volunteers.types.new')}
            </Button>
          ) : null
        }
      />
      <Table<ActivityType>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 700 }}
        onRow={(row) => ({ 'data-testid': 'type-row', 'data-code': row.code }) as never}
        locale={{ emptyText: listEmptyText(query, false, { empty: t('volunteers.types.empty'), filtered: '' }) }}
        data-testid="types-table"
      />
      {editing ? <TypeModal type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

interface TypeValues {
  code: string;
  name: string;
  fiveOne: FiveOneItem | typeof NONE;
  sort?: number | null;
}

function TypeModal({ type, onClose }: { type: ActivityType | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TypeValues>();
  const create = useCreateActivityType();
  const update = useUpdateActivityType();
  const saving = create.isPending || update.isPending;

  const submit = (values: TypeValues) => {
    const body = {
      name: values.name.trim(),
      fiveOne: values.fiveOne === NONE ? null : values.fiveOne,
      ...(typeof values.sort === 'number' ? { sort: values.sort } : {}),
    };
    const done = {
      onSuccess: () => {
        void message.success(t('volunteers.types.saved'));
        onClose();
      },
      onError: (e: unknown) => showApiError(e, message, form),
    };
    if (type) update.mutate({ code: type.code, body }, done);
    else create.mutate({ ...body, code: values.code.trim() }, done);
  };

  return (
    <Modal
      open
      title={type ? t('volunteers.types.editTitle', { name: type.name }) : t('volunteers.types.new')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: saving }}
      data-testid="type-modal"
    >
      <Form<TypeValues>
        form={form}
        layout="vertical"
        initialValues={
          type
            ? { code: type.code, name: type.name, fiveOne: type.fiveOne ?? NONE, sort: type.sort }
            : { fiveOne: NONE }
        }
        onFinish={submit}
      >
        <Form.Item
          name="code"
          label={t('volunteers.types.code')}
          extra={type ? undefined : t('volunteers.types.codeHint')}
          rules={[
            { required: true, message: t('volunteers.types.codeRequired') },
            { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('volunteers.types.codeHint') },
          ]}
        >
          <Input disabled={!!type} maxLength={40} data-testid="type-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('volunteers.types.name')}
          rules={[{ required: true, whitespace: true, message: t('volunteers.types.nameRequired') }]}
        >
          <Input maxLength={40} data-testid="type-name" />
        </Form.Item>
        <Form.Item name="fiveOne" label={t('volunteers.types.fiveOne')} extra={t('volunteers.types.fiveOneHint')}>
          <Select
            options={[
              { value: NONE, label: t('volunteers.types.noFiveOne') },
              ...FIVE_ONE.map((item) => ({ value: item, label: t(`volunteers.fiveOne.${item}`) })),
            ]}
            data-testid="type-five-one"
          />
        </Form.Item>
        <Form.Item name="sort" label={t('volunteers.types.sort')}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
