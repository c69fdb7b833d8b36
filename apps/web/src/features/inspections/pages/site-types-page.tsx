// 点位类型: the city's own site types (names are the city's, e.g. 农贸市场, 公交站点) with their
// order, whether they are in use, how many sites and active checklist items each has, and links to
// its sites and its checklist; the office adds types, renames, reorders and deactivates them.
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ActiveToggle } from '../components/active-toggle';
import { showApiError } from '../../../shared/form-errors';
import { useSaveSiteType, useSiteTypes } from '../api/inspections-api';
import type { SiteType } from '../api/inspection-types';

const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

export default function SiteTypesPage() {
  const t = useT();
  const can = useCan();
  const manage = can('inspection.manage');
  const query = useSiteTypes();
  const save = useSaveSiteType();
  const [editing, setEditing] = useState<SiteType | 'new' | null>(null);

  const columns: TableColumnsType<SiteType> = [
    { title: t('inspections.field.sort'), dataIndex: 'sort', width: 70, align: 'right' },
    {
      title: t('inspections.siteType.name'),
      dataIndex: 'name',
      render: (name: string, type) => (
        <Space size={6}>
          <span data-testid="site-type-name">{name}</span>
          {type.active ? null : <Tag>{t('inspections.inactive')}</Tag>}
        </Space>
      ),
    },
    { title: t('inspections.siteType.code'), dataIndex: 'code', width: 180 },
    {
      title: t('inspections.siteType.siteCount'),
      dataIndex: 'siteCount',
      width: 100,
      align: 'right',
      render: (n: number, type) => <Link to={`/sites?typeCode=${encodeURIComponent(type.code)}`}>{n}</Link>,
    },
    {
      title: t('inspections.siteType.itemCount'),
      dataIndex: 'itemCount',
      width: 110,
      align: 'right',
      render: (n: number, type) => (
        <Link to={`/checklists/${encodeURIComponent(type.code)}`} data-testid="site-type-checklist">
          {n}
        </Link>
      ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_v: unknown, type: SiteType) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(type)}>
                  {t('common.edit')}
                </Button>
                <ActiveToggle
                  active={type.active}
                  save={(active, callbacks) => save.mutate({ code: type.code, body: { active } }, callbacks)}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('menu.siteTypes')}
      data-testid="page-site-types"
      extra={
        manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-button">
            {t('inspections.siteType.create')}
          </Button>
        ) : null
      }
    >
      <Table<SiteType>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={query.data}
        loading={query.isFetching}
        pagination={false}
        locale={{ emptyText: query.isError ? query.error.message : t('inspections.siteTypes.empty') }}
        data-testid="site-types-table"
      />
      {editing ? (
        <SiteTypeModal
          type={editing === 'new' ? null : editing}
          nextSort={Math.max(0, ...(query.data ?? []).map((x) => x.sort)) + 10}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

function SiteTypeModal({ type, nextSort, onClose }: { type: SiteType | null; nextSort: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; name: string; sort: number }>();
  const save = useSaveSiteType();

  const submit = async () => {
    const values = await form.validateFields();
    const body = type
      ? { name: values.name.trim(), sort: values.sort }
      : { code: values.code.trim(), name: values.name.trim(), sort: values.sort };
    save.mutate(
      { code: type?.code ?? null, body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Modal
      open
      title={type ? t('inspections.siteType.edit') : t('inspections.siteType.create')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="siteType"
        layout="vertical"
        initialValues={type ? { code: type.code, name: type.name, sort: type.sort } : { sort: nextSort }}
      >
        <Form.Item
          name="code"
          label={t('inspections.siteType.code')}
          extra={type ? undefined : t('inspections.siteType.codeHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: CODE_PATTERN, message: t('inspections.codeFormat') },
          ]}
        >
          <Input disabled={!!type} maxLength={40} placeholder="farmers_market" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('inspections.siteType.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={40} placeholder={t('inspections.siteType.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="sort" label={t('inspections.field.sort')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
