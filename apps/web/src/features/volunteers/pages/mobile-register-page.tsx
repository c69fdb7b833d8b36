// 社区报到 on the phone (/m/volunteer/register): the residential community, party organisation,
// skills and available times (picked or typed), the family members who take part, and a note.
// Filled in from the member's last registration; after submitting, back to the volunteer home.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Flex, Form, Input, Select, Skeleton, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import { isApiError } from '../../../app/api';
import { BackButton, SubmitFailureAlert, type SubmitFailure } from '../../../shared/mobile/page-parts';
import { cleanFamily, cleanTags } from '../api/volunteer-format';
import type { FamilyMember, MyRegistration } from '../api/volunteer-types';
import { useMyRegistration, useRegister } from '../api/volunteers-api';
import { SKILLS, RELATIONS, TIMES } from '../components/choices';
import { CommunitySelect, useCommunityOptions } from '../components/community-select';

/**
 * The last registration (rejected or withdrawn) fills the form: a member registering again rarely
 * changes more than the community.
 */
function initialValues(mine: MyRegistration | undefined): Values {
  const last = mine?.current ?? mine?.history[0];
  if (!last) return {};
  return {
    communityId: last.community.id,
    partyOrg: last.partyOrg ?? undefined,
    skills: last.skills,
    availableTimes: last.availableTimes,
    familyMembers: last.familyMembers,
  };
}

interface Values {
  communityId?: number;
  partyOrg?: string;
  skills?: string[];
  availableTimes?: string[];
  familyMembers?: Partial<FamilyMember>[];
  note?: string;
}

export default function MobileRegisterPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mine = useMyRegistration();
  const register = useRegister();
  const communities = useCommunityOptions();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const current = mine.data?.current;
  const active = current && (current.status === 'pending' || current.status === 'confirmed');

  const submit = (values: Values) => {
    setFailure(null);
    register.mutate(
      {
        communityId: values.communityId as number,
        partyOrg: values.partyOrg?.trim() || null,
        skills: cleanTags(values.skills),
        availableTimes: cleanTags(values.availableTimes),
        familyMembers: cleanFamily(values.familyMembers),
        note: values.note?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('volunteers.register.submitted'));
          void navigate('/m/volunteer', { replace: true });
        },
        onError: (e) =>
          setFailure(
            isApiError(e) && e.status === 0
              ? { kind: 'offline' }
              : { kind: 'error', text: e instanceof Error ? e.message : String(e) },
          ),
      },
    );
  };

  const tagOptions = (keys: MessageKey[]) => keys.map((k) => ({ value: t(k), label: t(k) }));

  return (
    <Flex vertical gap={12} data-testid="page-mobile-register">
      <BackButton fallback="/m/volunteer" />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('volunteers.register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('volunteers.register.intro')}
      </Typography.Paragraph>
      {active ? (
        <Alert
          type="info"
          showIcon
          title={t('volunteers.register.current', {
            community: current.community.name,
            status: t(`volunteers.registrationStatus.${current.status}`),
          })}
        />
      ) : null}
      {communities.error ? (
        <Alert
          type="error"
          showIcon
          title={t('volunteers.register.communitiesFailed', { message: communities.error.message })}
        />
      ) : null}
      {mine.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        size="large"
        initialValues={initialValues(mine.data)}
        key={mine.isPending ? 'loading' : 'ready'}
        style={mine.isPending ? { display: 'none' } : undefined}
      >
        <Form.Item
          name="communityId"
          label={t('volunteers.register.community')}
          rules={[{ required: true, message: t('volunteers.register.communityRequired') }]}
        >
          <CommunitySelect
            size="large"
            placeholder={t('volunteers.register.communityPlaceholder')}
            testId="register-community"
            known={(mine.data?.current ?? mine.data?.history[0])?.community ?? null}
          />
        </Form.Item>
        <Form.Item
          name="partyOrg"
          label={t('volunteers.register.partyOrg')}
          rules={[{ max: 60, message: t('validation.maxLength', { max: 60 }) }]}
        >
          <Input placeholder={t('volunteers.register.partyOrgPlaceholder')} data-testid="register-party-org" />
        </Form.Item>
        <Form.Item name="skills" label={t('volunteers.register.skills')}>
          <Select
            mode="tags"
            maxCount={10}
            options={tagOptions(SKILLS)}
            placeholder={t('volunteers.register.skillsPlaceholder')}
            data-testid="register-skills"
          />
        </Form.Item>
        <Form.Item name="availableTimes" label={t('volunteers.register.availableTimes')}>
          <Select
            mode="tags"
            maxCount={10}
            options={tagOptions(TIMES)}
            placeholder={t('volunteers.register.availableTimesPlaceholder')}
            data-testid="register-times"
          />
        </Form.Item>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('volunteers.register.family')}
        </Typography.Text>
        <Form.List name="familyMembers">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid="register-family-row">
                  <Form.Item
                    name={[field.name, 'name']}
                    style={{ flex: 3, minWidth: 0, marginBottom: 0 }}
                    rules={[{ max: 20, message: t('validation.maxLength', { max: 20 }) }]}
                  >
                    <Input placeholder={t('volunteers.register.familyName')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'relation']} style={{ flex: 2, minWidth: 0, marginBottom: 0 }}>
                    <Select
                      placeholder={t('volunteers.register.familyRelation')}
                      options={RELATIONS.map((k) => ({ value: t(k), label: t(k) }))}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.remove')}
                  />
                </Flex>
              ))}
              {fields.length < 10 ? (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', relation: t('volunteers.relation.spouse') })}
                  data-testid="register-add-family"
                >
                  {t('volunteers.register.addFamily')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="note"
          label={t('volunteers.register.note')}
          rules={[{ max: 200, message: t('validation.maxLength', { max: 200 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <SubmitFailureAlert
          failure={failure}
          testId="register-failure"
          texts={{
            offline: t('volunteers.scan.offline'),
            timeout: t('volunteers.scan.offline'),
            failed: t('volunteers.register.failed'),
            retrySafe: t('volunteers.scan.offline'),
          }}
        />
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={register.isPending}
          disabled={!!active}
          style={{ height: 52, fontSize: 17, marginTop: 12 }}
          data-testid="register-submit"
        >
          {t('volunteers.register.submit')}
        </Button>
      </Form>
    </Flex>
  );
}
