// Create / edit a leading group or task force.
import { App, Form, Input, Select } from 'antd';
import { GROUP_KINDS, type GroupKind } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { UnitSelect } from '../../../shared/components/unit-select';
import { useSaveGroup, type Group, type GroupInput } from '../api/groups-api';

interface Values {
  kind: GroupKind;
  name: string;
  duty?: string;
  leadUnitId?: number | null;
}

export function GroupFormDrawer({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveGroup();

  const submit = async () => {
    const values = await form.validateFields();
    const input: GroupInput = {
      kind: values.kind,
      name: values.name.trim(),
      duty: values.duty?.trim() || null,
      leadUnitId: values.leadUnitId ?? null,
    };
    save.mutate(
      { id: group?.id ?? null, input },
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
    <FormDrawer
      open
      title={group ? t('group.edit') : t('group.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
    >
      <Form<Values>
        form={form}
        name="group"
        layout="vertical"
        initialValues={
          group
            ? { kind: group.kind, name: group.name, duty: group.duty ?? undefined, leadUnitId: group.leadUnitId }
            : { kind: 'leading_group' }
        }
      >
        <Form.Item name="kind" label={t('group.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groupKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('group.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 60, message: t('validation.maxLength', { max: 60 }) },
          ]}
        >
          <Input maxLength={60} placeholder={t('group.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('group.leadUnit')}>
          <UnitSelect initialLabel={group?.leadUnitName} />
        </Form.Item>
        <Form.Item
          name="duty"
          label={t('group.duty')}
          rules={[{ max: 2000, message: t('validation.maxLength', { max: 2000 }) }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
