// Create / edit a person. Editing loads the audited detail so the phone is the real number.
import { useEffect } from 'react';
import { App, Col, Form, Input, Radio, Row, Select, Skeleton } from 'antd';
import { PERSON_KINDS, PHONE_PATTERN, type PersonKind } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitSelect } from '../../../shared/components/unit-select';
import { usePerson, useSavePerson, type Gender, type PersonInput } from '../api/people-api';

interface Values {
  name: string;
  kind: PersonKind;
  gender?: Gender | null;
  phone?: string;
  unitId?: number | null;
  communityId?: number | null;
  partyOrg?: string;
  position?: string;
}

const PHONE_RE = new RegExp(PHONE_PATTERN);
const blankToNull = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

export function PersonFormDrawer({ editingId, onClose }: { editingId: number | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const detail = usePerson(editingId);
  const save = useSavePerson();
  const person = detail.data;

  useEffect(() => {
    if (person) {
      form.setFieldsValue({
        name: person.name,
        kind: person.kind,
        gender: person.gender,
        phone: person.phone ?? undefined,
        unitId: person.unitId,
        communityId: person.communityId,
        partyOrg: person.partyOrg ?? undefined,
        position: person.position ?? undefined,
      });
    }
  }, [person, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const input: PersonInput = {
      name: values.name.trim(),
      kind: values.kind,
      gender: values.gender ?? null,
      phone: blankToNull(values.phone),
      unitId: values.unitId ?? null,
      communityId: values.communityId ?? null,
      partyOrg: blankToNull(values.partyOrg),
      position: blankToNull(values.position),
    };
    save.mutate(
      { id: editingId, input },
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
      title={editingId === null ? t('person.create') : t('person.edit')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={600}
    >
      {editingId !== null && detail.isPending ? (
        <Skeleton active />
      ) : (
        <Form<Values> form={form} name="person" layout="vertical" initialValues={{ kind: 'staff' }}>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="name"
                label={t('person.name')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { max: 30, message: t('validation.maxLength', { max: 30 }) },
                ]}
              >
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="kind"
                label={t('person.kind')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select options={PERSON_KINDS.map((k) => ({ value: k, label: t(`personKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="gender" label={t('person.gender')}>
                <Radio.Group
                  options={[
                    { value: 'male', label: t('gender.male') },
                    { value: 'female', label: t('gender.female') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="phone"
                label={t('person.phone')}
                rules={[{ pattern: PHONE_RE, message: t('validation.phone') }]}
              >
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="unitId" label={t('person.unit')}>
                <UnitSelect initialLabel={person?.unitName} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="communityId" label={t('person.community')} extra={t('person.communityHint')}>
                <RegionTreeSelect selectableLevels={['community']} placeholder={t('person.community')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="partyOrg"
                label={t('person.partyOrg')}
                rules={[{ max: 60, message: t('validation.maxLength', { max: 60 }) }]}
              >
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="position"
                label={t('person.position')}
                rules={[{ max: 60, message: t('validation.maxLength', { max: 60 }) }]}
              >
                <Input maxLength={60} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </FormDrawer>
  );
}
