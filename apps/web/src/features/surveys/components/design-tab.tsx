// 问卷设计: one tab per respondent group's version, each with its questions edited in place
// (QuestionEditor) and saved as a whole; a new version starts blank or as a copy of another
// version's questions. A version with answers keeps its questions and lets only the rate settings
// change (the server enforces the same).
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Dropdown,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tabs,
  Tag,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { QUESTION_TYPES, RESPONDENT_GROUPS, type RespondentGroup, type SurveyQuestion } from '@cc/common/surveys';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { newQuestion } from '../api/question-draft';
import { useDeleteVersion, useSaveVersion } from '../api/surveys-api';
import type { SurveyDetail, SurveyVersion } from '../api/survey-types';
import { QuestionEditor } from './question-editor';

function VersionEditor({
  survey,
  version,
  canManage,
}: {
  survey: SurveyDetail;
  version: SurveyVersion;
  canManage: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [questions, setQuestions] = useState<SurveyQuestion[]>(version.questions);
  const [title, setTitle] = useState(version.title ?? '');
  const [dirty, setDirty] = useState(false);
  const save = useSaveVersion(survey.id);
  const remove = useDeleteVersion(survey.id);
  const locked = version.isLocked || !canManage;
  const codes = questions.map((q) => q.code);
  const labels = {
    option: (n: number) => t('surveys.question.option', { n }),
    row: (n: number) => t('surveys.question.row', { n }),
  };
  const edit = (next: SurveyQuestion[]) => {
    setQuestions(next);
    setDirty(true);
  };

  const submit = () =>
    save.mutate(
      { versionId: version.id, body: { group: version.group, title: title.trim() || null, questions } },
      {
        onSuccess: () => {
          setDirty(false);
          void message.success(t('surveys.saved'));
        },
        onError: (error) => showApiError(error, message),
      },
    );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="version-editor">
      {version.isLocked ? (
        <Alert type="info" showIcon title={t('surveys.version.locked', { count: version.responses })} />
      ) : null}
      <Flex gap={8} align="center" wrap>
        <Input
          style={{ maxWidth: 280 }}
          addonBefore={t('surveys.version.title')}
          value={title}
          maxLength={200}
          disabled={locked}
          onChange={(e) => {
            setTitle(e.target.value);
            setDirty(true);
          }}
        />
        <div style={{ flex: 1 }} />
        {dirty ? <Tag color="orange">{t('surveys.version.unsaved')}</Tag> : null}
        {canManage && !version.isLocked ? (
          <Popconfirm
            title={t('surveys.version.deleteConfirm')}
            onConfirm={() => remove.mutate(version.id, { onError: (error) => showApiError(error, message) })}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t('surveys.version.delete')}
            </Button>
          </Popconfirm>
        ) : null}
        {canManage ? (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={submit}
            data-testid="version-save"
          >
            {t('surveys.version.save')}
          </Button>
        ) : null}
      </Flex>
      {questions.length === 0 ? <Empty description={t('surveys.question.none')} /> : null}
      {questions.map((q, i) => (
        <QuestionEditor
          key={q.code}
          index={i}
          question={q}
          codes={codes}
          locked={locked}
          isFirst={i === 0}
          isLast={i === questions.length - 1}
          onChange={(next) => edit(questions.map((x, j) => (j === i ? next : x)))}
          onMove={(delta) => {
            const next = [...questions];
            [next[i], next[i + delta]] = [next[i + delta], next[i]];
            edit(next);
          }}
          onRemove={() => edit(questions.filter((_, j) => j !== i))}
        />
      ))}
      {!locked ? (
        <Dropdown
          menu={{
            items: QUESTION_TYPES.map((type) => ({ key: type, label: t(`surveys.type.${type}`) })),
            onClick: ({ key }) => edit([...questions, newQuestion(key as SurveyQuestion['type'], codes, labels)]),
          }}
        >
          <Button type="dashed" block icon={<PlusOutlined />} data-testid="question-add">
            {t('surveys.question.add')}
          </Button>
        </Dropdown>
      ) : null}
    </Space>
  );
}

function AddVersionModal({
  survey,
  onClose,
  onAdded,
}: {
  survey: SurveyDetail;
  onClose: () => void;
  onAdded: (id: number) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ group: RespondentGroup; copyFrom?: number }>();
  const save = useSaveVersion(survey.id);
  const free = RESPONDENT_GROUPS.filter((g) => !survey.versions.some((v) => v.group === g));
  const submit = async () => {
    const { group, copyFrom } = await form.validateFields();
    const source = survey.versions.find((v) => v.id === copyFrom);
    save.mutate(
      {
        versionId: null,
        body: {
          group,
          title: null,
          questions:
            source?.questions ??
            [
              newQuestion('single', [], {
                option: (n) => t('surveys.question.option', { n }),
                row: (n) => t('surveys.question.row', { n }),
              }),
            ].map((q) => ({ ...q, title: t('surveys.question.titlePlaceholder') })),
        },
      },
      {
        onSuccess: (version) => onAdded(version.id),
        onError: (error) => showApiError(error, message, form),
      },
    );
  };
  return (
    <Modal
      open
      title={t('surveys.version.add')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ group: free[0], copyFrom: survey.versions[0]?.id }}>
        <Form.Item name="group" label={t('surveys.version.group')} rules={[{ required: true }]}>
          <Select
            options={free.map((g) => ({ value: g, label: t(`surveys.group.${g}`) }))}
            data-testid="version-group"
          />
        </Form.Item>
        <Form.Item name="copyFrom" label={t('surveys.version.copyFrom')}>
          <Select
            allowClear
            placeholder={t('surveys.version.blank')}
            options={survey.versions.map((v) => ({ value: v.id, label: t(`surveys.group.${v.group}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DesignTab({ survey }: { survey: SurveyDetail }) {
  const t = useT();
  const [active, setActive] = useState<string | undefined>(
    survey.versions[0] ? String(survey.versions[0].id) : undefined,
  );
  const [adding, setAdding] = useState(false);
  const canAdd = survey.canManage && survey.status !== 'closed' && survey.versions.length < RESPONDENT_GROUPS.length;
  const activeKey = survey.versions.some((v) => String(v.id) === active)
    ? active
    : survey.versions[0]
      ? String(survey.versions[0].id)
      : undefined;
  return (
    <div data-testid="design-tab">
      {survey.versions.length === 0 ? (
        <Alert type="info" showIcon title={t('surveys.version.empty')} style={{ marginBottom: 12 }} />
      ) : null}
      <Tabs
        activeKey={activeKey}
        onChange={setActive}
        tabBarExtraContent={
          canAdd ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="version-add">
              {t('surveys.version.add')}
            </Button>
          ) : null
        }
        items={survey.versions.map((v) => ({
          key: String(v.id),
          label: `${t(`surveys.group.${v.group}`)}${v.responses > 0 ? ` · ${v.responses}` : ''}`,
          // Keyed by the saved questions so a save (or another's edit) refreshes the editor.
          children: (
            <VersionEditor key={JSON.stringify(v.questions)} survey={survey} version={v} canManage={survey.canManage} />
          ),
        }))}
      />
      {adding ? (
        <AddVersionModal
          survey={survey}
          onClose={() => setAdding(false)}
          onAdded={(id) => {
            setAdding(false);
            setActive(String(id));
          }}
        />
      ) : null}
    </div>
  );
}
