// 问卷调查: every questionnaire the user sees — status, owning region, respondent groups, period,
// responses — with search and status in the URL; "新建问卷" (survey.manage) opens the form and
// lands on the new questionnaire's design tab.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Form, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { SURVEY_STATUSES, type SurveyStatus } from '@cc/common/surveys';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { showApiError } from '../../../shared/form-errors';
import { formatDateTime } from '../../../shared/format';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { SURVEY_LIST_CODEC } from '../api/list-params';
import { useCreateSurvey, useSurveyList } from '../api/surveys-api';
import type { SurveyListItem } from '../api/survey-types';
import { SurveyFields, toBody, type SurveyFormValues } from '../components/survey-form';
import { SurveyStatusTag } from '../components/survey-tags';

function CreateDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveyFormValues>();
  const create = useCreateSurvey();
  const submit = async () => {
    const values = await form.validateFields();
    create.mutate(toBody(values), {
      onSuccess: (survey) => {
        void message.success(t('surveys.created'));
        void navigate(`/surveys/${survey.id}/design`);
      },
      onError: (error) => showApiError(error, message, form),
    });
  };
  return (
    <FormDrawer
      open
      title={t('surveys.list.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={create.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ perDeviceLimit: 1, perIpDailyLimit: 50 }}>
        <SurveyFields withRegion />
      </Form>
    </FormDrawer>
  );
}

export default function SurveysPage() {
  const t = useT();
  const can = useCan();
  const list = useUrlListState(SURVEY_LIST_CODEC);
  const { state, update } = list;
  const query = useSurveyList(list.params);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<SurveyListItem> = [
    {
      title: t('surveys.field.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Link to={`/surveys/${r.id}`} data-testid="survey-link">
          {title}
        </Link>
      ),
    },
    {
      title: t('surveys.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: SurveyStatus) => <SurveyStatusTag status={s} />,
    },
    { title: t('surveys.field.region'), key: 'region', width: 110, ellipsis: true, render: (_v, r) => r.region.name },
    {
      title: t('surveys.field.groups'),
      key: 'groups',
      width: 200,
      render: (_v, r) => r.groups.map((g) => <Tag key={g}>{t(`surveys.group.${g}`)}</Tag>),
    },
    {
      title: t('surveys.field.window'),
      key: 'window',
      width: 260,
      render: (_v, r) =>
        r.opensAt || r.closesAt
          ? `${r.opensAt ? formatDateTime(r.opensAt) : '…'} – ${r.closesAt ? formatDateTime(r.closesAt) : '…'}`
          : t('surveys.field.windowAny'),
    },
    { title: t('surveys.field.responses'), dataIndex: 'responses', width: 90, align: 'right' },
  ];

  return (
    <Card size="small" title={t('menu.surveys')} data-testid="page-surveys">
      <ListToolbar
        filters={
          <>
            <UrlSearchBox value={state.q} placeholder={t('surveys.list.search')} onSearch={(q) => update({ q })} />
            <Select<SurveyStatus>
              allowClear
              placeholder={t('surveys.field.status')}
              style={{ width: 120 }}
              value={state.status}
              onChange={(status) => update({ status: status ?? undefined })}
              options={SURVEY_STATUSES.map((s) => ({ value: s, label: t(`surveys.status.${s}`) }))}
            />
          </>
        }
        actions={
          can('survey.manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-button"
            >
              {t('surveys.list.create')}
            </Button>
          ) : null
        }
      />
      <Table<SurveyListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 900 }}
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t('surveys.list.empty'),
            filtered: t('surveys.list.emptyFiltered'),
          }),
        }}
        data-testid="surveys-table"
      />
      {creating ? <CreateDrawer onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
