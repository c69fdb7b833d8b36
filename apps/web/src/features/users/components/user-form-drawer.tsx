// Create / edit an account: roles (multi), region (tree), unit, linked person, initial password.
import { App, Alert, Col, Form, Input, Row, Select } from 'antd';
import { ROLES, type Role } from '@cc/common/permissions';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { passwordRules, usePasswordPolicy } from '../../../shared/password-policy';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitSelect } from '../../../shared/components/unit-select';
import { PersonSelect } from '../../../shared/components/person-select';
import { useCreateUser, useUpdateUser, type User } from '../api/users-api';
import { hasRoleConflict, needsRegion, needsUnit } from './role-rules';

// Mirrors the server: 3–64 letters, digits, _ . @ -; starts with a letter or digit.
const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$/;

interface Values {
  username: string;
  displayName: string;
  roles: Role[];
  regionId?: number | null;
  unitId?: number | null;
  personId?: number | null;
  password?: string;
}

export function UserFormDrawer({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const policy = usePasswordPolicy();
  const create = useCreateUser();
  const update = useUpdateUser();
  const roles = Form.useWatch('roles', form);

  const submit = async () => {
    const values = await form.validateFields();
    const onError = (error: unknown) => showApiError(error, message, form);
    const onSuccess = () => {
      void message.success(user ? t('common.saved') : t('user.created'));
      onClose();
    };
    if (user) {
      update.mutate(
        {
          id: user.id,
          input: {
            displayName: values.displayName.trim(),
            roles: values.roles,
            regionId: values.regionId ?? null,
            unitId: values.unitId ?? null,
          },
        },
        { onSuccess, onError },
      );
    } else {
      create.mutate(
        {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          roles: values.roles,
          regionId: values.regionId ?? null,
          unitId: values.unitId ?? null,
          personId: values.personId ?? null,
          password: values.password ?? '',
        },
        { onSuccess, onError },
      );
    }
  };

  return (
    <FormDrawer
      open
      title={user ? t('user.edit', { username: user.username }) : t('user.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={create.isPending || update.isPending}
      width={600}
    >
      <Form<Values>
        form={form}
        name="user"
        layout="vertical"
        autoComplete="off"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                roles: user.roles,
                regionId: user.regionId,
                unitId: user.unitId,
                personId: user.personId,
              }
            : { roles: [] }
        }
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('user.username')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { pattern: USERNAME_RE, message: t('user.usernameFormat') },
              ]}
            >
              <Input maxLength={64} disabled={!!user} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="displayName"
              label={t('user.displayName')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: 50, message: t('validation.maxLength', { max: 50 }) },
              ]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="roles"
              label={t('user.roles')}
              extra={t('user.rolesHint')}
              rules={[
                { required: true, type: 'array', min: 1, message: t('user.rolesRequired') },
                {
                  validator: async (_rule, value: Role[] | undefined) => {
                    if (value && hasRoleConflict(value)) throw new Error(t('user.roleConflict'));
                  },
                },
              ]}
            >
              <Select
                mode="multiple"
                options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                optionFilterProp="label"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="regionId"
              label={t('user.region')}
              dependencies={['roles']}
              rules={[{ required: needsRegion(roles), message: t('user.regionRequired') }]}
            >
              <RegionTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="unitId"
              label={t('user.unit')}
              dependencies={['roles']}
              rules={[{ required: needsUnit(roles), message: t('user.unitRequired') }]}
            >
              <UnitSelect initialLabel={user?.unitName} />
            </Form.Item>
          </Col>
          {!user ? (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="personId" label={t('user.person')} extra={t('user.personHint')}>
                  <PersonSelect />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="password"
                  label={t('user.initialPassword')}
                  extra={t('user.initialPasswordHint')}
                  rules={passwordRules(t, policy.data, () => form.getFieldValue('username') as string | undefined)}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
        {user?.personId ? <Alert type="info" showIcon title={t('user.linkedPerson')} /> : null}
      </Form>
    </FormDrawer>
  );
}
