// A group's members: add a person (searched on the server) with a role, remove with confirmation.
import {
  App,
  AutoComplete,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Popconfirm,
  Result,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { dash } from '../../../shared/format';
import { PersonSelect } from '../../../shared/components/person-select';
import { useAddGroupMember, useGroup, useRemoveGroupMember, type GroupMember } from '../api/groups-api';

interface AddValues {
  personId: number;
  role: string;
}

export function GroupMembersDrawer({
  groupId,
  canWrite,
  onClose,
}: {
  groupId: number;
  canWrite: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const detail = useGroup(groupId);
  const add = useAddGroupMember(groupId);
  const remove = useRemoveGroupMember(groupId);
  const group = detail.data;

  const roleOptions = [
    t('group.role.leader'),
    t('group.role.deputy'),
    t('group.role.member'),
    t('group.role.liaison'),
  ].map((value) => ({ value }));

  const submit = (values: AddValues) => {
    add.mutate(
      { personId: values.personId, role: values.role.trim() },
      {
        onSuccess: () => {
          void message.success(t('group.memberAdded'));
          form.resetFields(['personId']);
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Drawer
      open
      title={group ? group.name : t('group.members')}
      onClose={onClose}
      size={Math.min(720, window.innerWidth)}
      destroyOnHidden
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.isError || !group ? (
        <Result status="warning" subTitle={detail.error?.message} />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'kind', label: t('group.kind'), children: t(`groupKind.${group.kind}`) },
              { key: 'lead', label: t('group.leadUnit'), children: dash(group.leadUnitName) },
              {
                key: 'duty',
                label: t('group.duty'),
                span: 'filled',
                children: (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {dash(group.duty)}
                  </Typography.Paragraph>
                ),
              },
            ]}
          />
          {canWrite ? (
            <Form<AddValues>
              form={form}
              name="member"
              layout="inline"
              onFinish={submit}
              initialValues={{ role: t('group.role.member') }}
              style={{ rowGap: 8 }}
            >
              <Form.Item
                name="personId"
                rules={[{ required: true, message: t('group.choosePerson') }]}
                style={{ minWidth: 240 }}
              >
                <PersonSelect placeholder={t('group.choosePerson')} />
              </Form.Item>
              <Form.Item
                name="role"
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { max: 30, message: t('validation.maxLength', { max: 30 }) },
                ]}
              >
                <AutoComplete options={roleOptions} style={{ width: 140 }} placeholder={t('group.memberRole')} />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<UserAddOutlined />}
                loading={add.isPending}
                data-testid="add-member"
              >
                {t('group.addMember')}
              </Button>
            </Form>
          ) : null}
          <Table<GroupMember>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={group.members}
            data-testid="group-members"
            locale={{ emptyText: t('group.noMembers') }}
            columns={[
              { title: t('group.memberName'), dataIndex: 'personName', width: 120 },
              { title: t('group.memberUnit'), dataIndex: 'unitName', ellipsis: true, render: dash },
              { title: t('group.memberRole'), dataIndex: 'role', width: 110 },
              ...(canWrite
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 80,
                      render: (_v: unknown, m: GroupMember) => (
                        <Popconfirm
                          title={t('group.removeConfirm', { name: m.personName })}
                          okText={t('common.remove')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() =>
                            remove.mutateAsync(m.id).then(
                              () => void message.success(t('group.memberRemoved')),
                              (error: unknown) => showApiError(error, message),
                            )
                          }
                        >
                          <Button type="link" size="small" danger data-testid="remove-member">
                            {t('common.remove')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
