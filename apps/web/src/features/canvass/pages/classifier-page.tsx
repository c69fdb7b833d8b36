// 意见分类与自动建议 (/canvass/classifier): the topic tree (the seed's four areas and their
// sub-topics: add a sub-topic, rename, deactivate or restore), the classifier's state (when it was
// trained, on how many confirmed opinions, held-out accuracy of topic, sub-topic and unit, per-topic
// precision and recall, the confusion between top-level topics), "train now", and a box to try a
// text and see the suggestion with the probability of each topic.
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  EditOutlined,
  ExperimentOutlined,
  PlusOutlined,
  StopOutlined,
  SyncOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { TEXT_LIMITS } from '@cc/common/canvass';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { formatDateTime } from '../../../shared/format';
import { suggestTopic, useClassifierStatus, useSaveTopic, useTopics, useTrainClassifier } from '../api/canvass-api';
import { percentText, topicLabel, topicNames, topicTree, type TopicTreeNode } from '../api/canvass-format';
import type { SuggestResponse, Topic, TopicMetric } from '../api/canvass-types';

export default function ClassifierPage() {
  const t = useT();
  return (
    <Flex vertical gap={12} data-testid="page-canvass-classifier">
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <TopicsCard />
        </Col>
        <Col xs={24} xl={14}>
          <Flex vertical gap={12}>
            <StatusCard />
            <TryCard />
          </Flex>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('canvass.classifier.note')}
      </Typography.Text>
    </Flex>
  );
}

// --- topics ----------------------------------------------------------------------------------

type TopicDialog = { mode: 'add'; parent: Topic } | { mode: 'rename'; topic: Topic } | null;

function TopicsCard() {
  const t = useT();
  const { message } = App.useApp();
  const topics = useTopics();
  const save = useSaveTopic();
  const [dialog, setDialog] = useState<TopicDialog>(null);
  const tree = useMemo(() => topicTree(topics.data ?? []), [topics.data]);

  const toggle = (topic: Topic) =>
    save.mutate(
      { code: topic.code, body: { active: !topic.active } },
      {
        onSuccess: () => void message.success(t(topic.active ? 'canvass.topic.deactivated' : 'canvass.topic.restored')),
        onError: (error) => showApiError(error, message),
      },
    );

  const columns: TableColumnsType<TopicTreeNode | Topic> = [
    {
      title: t('canvass.topic.name'),
      key: 'name',
      render: (_v, topic) => (
        <span style={{ color: topic.active ? undefined : '#bbb' }}>
          {topic.name}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }} code>
            {topic.code}
          </Typography.Text>
          {!topic.active ? <Tag style={{ marginInlineStart: 6 }}>{t('canvass.topic.inactive')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_v, topic) => (
        <Space size={4}>
          {topic.parentCode === null ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ mode: 'add', parent: topic })}
              data-testid="topic-add"
            >
              {t('canvass.topic.addSub')}
            </Button>
          ) : null}
          <Button
            size="small"
            icon={<EditOutlined />}
            aria-label={t('canvass.topic.rename')}
            onClick={() => setDialog({ mode: 'rename', topic })}
          />
          {topic.parentCode !== null ? (
            <Button
              size="small"
              danger={topic.active}
              icon={topic.active ? <StopOutlined /> : <UndoOutlined />}
              aria-label={t(topic.active ? 'canvass.topic.deactivate' : 'canvass.topic.restore')}
              title={t(topic.active ? 'canvass.topic.deactivate' : 'canvass.topic.restore')}
              onClick={() => toggle(topic)}
            />
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('canvass.topic.title')} data-testid="topics-card">
      <Table<TopicTreeNode | Topic>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={tree}
        loading={topics.isFetching}
        pagination={false}
        expandable={{ defaultExpandAllRows: true, childrenColumnName: 'children' }}
        locale={{ emptyText: topics.isError ? topics.error.message : t('common.noData') }}
        key={tree.length}
      />
      {dialog ? <TopicModal dialog={dialog} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}

function TopicModal({ dialog, onClose }: { dialog: NonNullable<TopicDialog>; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveTopic();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const adding = dialog.mode === 'add';

  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      adding
        ? { code: null, body: { parentCode: dialog.parent.code, code: v.code.trim(), name: v.name.trim() } }
        : { code: dialog.topic.code, body: { name: v.name.trim() } },
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
      title={adding ? t('canvass.topic.addUnder', { parent: dialog.parent.name }) : t('canvass.topic.rename')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="topic"
        initialValues={{ code: '', name: adding ? '' : dialog.topic.name }}
      >
        {adding ? (
          <Form.Item
            name="code"
            label={t('canvass.topic.code')}
            extra={t('canvass.topic.codeHint', { parent: dialog.parent.code })}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: /^[a-z0-9_]{1,20}$/, message: t('canvass.topic.codeFormat') },
            ]}
          >
            <Input maxLength={20} addonBefore={`${dialog.parent.code}.`} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t('canvass.topic.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// --- status ----------------------------------------------------------------------------------

function StatusCard() {
  const t = useT();
  const { message } = App.useApp();
  const status = useClassifierStatus();
  const topics = useTopics();
  const names = topicNames(topics.data);
  const train = useTrainClassifier();
  const s = status.data;

  const metricColumns: TableColumnsType<TopicMetric> = [
    { title: t('canvass.opinion.topic'), dataIndex: 'code', render: (code: string) => topicLabel(names, code) ?? code },
    {
      title: t('canvass.classifier.precision'),
      dataIndex: 'precision',
      width: 110,
      align: 'right',
      render: (v: number) => percentText(v),
    },
    {
      title: t('canvass.classifier.recall'),
      dataIndex: 'recall',
      width: 110,
      align: 'right',
      render: (v: number) => percentText(v),
    },
    { title: t('canvass.classifier.support'), dataIndex: 'support', width: 90, align: 'right' },
  ];

  return (
    <Card
      size="small"
      title={t('canvass.classifier.title')}
      data-testid="classifier-status"
      data-trained={s?.trained ?? false}
      extra={
        <Button
          type="primary"
          icon={<SyncOutlined spin={train.isPending} />}
          loading={train.isPending}
          onClick={() =>
            train.mutate(undefined, {
              onSuccess: (r) =>
                void message.success(
                  t('canvass.classifier.trained', { samples: r.sampleCount, accuracy: percentText(r.accuracy) }),
                ),
              onError: (error) => showApiError(error, message),
            })
          }
          data-testid="classifier-train"
        >
          {t('canvass.classifier.train')}
        </Button>
      }
    >
      {!s ? (
        status.isError ? (
          <Empty description={status.error.message} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('canvass.classifier.loading')} />
        )
      ) : (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'trainedAt',
                label: t('canvass.classifier.trainedAt'),
                children: s.trained ? formatDateTime(s.trainedAt) : t('canvass.classifier.never'),
              },
              {
                key: 'samples',
                label: t('canvass.classifier.samples'),
                children: t('canvass.classifier.samplesText', { samples: s.sampleCount, holdout: s.holdoutCount }),
              },
              { key: 'available', label: t('canvass.classifier.available'), children: s.availableSamples },
              {
                key: 'ms',
                label: t('canvass.classifier.trainMs'),
                children: s.trainMs !== null ? `${s.trainMs} ms` : '—',
              },
            ]}
          />
          <Row gutter={12}>
            {(
              [
                ['accuracy', s.accuracy],
                ['subtopicAccuracy', s.subtopicAccuracy],
                ['unitAccuracy', s.unitAccuracy],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} span={8}>
                <Statistic title={t(`canvass.classifier.${key}`)} value={percentText(value)} />
                <Progress percent={value !== null ? Math.round(value * 100) : 0} showInfo={false} size="small" />
              </Col>
            ))}
          </Row>
          {s.perTopic.length > 0 ? (
            <Table<TopicMetric>
              rowKey="code"
              size="small"
              columns={metricColumns}
              dataSource={s.perTopic}
              pagination={false}
              data-testid="classifier-metrics"
            />
          ) : null}
          <ConfusionMatrix confusion={s.confusion} names={names} />
        </Flex>
      )}
    </Card>
  );
}

/** Rows: the confirmed topic; columns: the suggested one; the diagonal is right. */
function ConfusionMatrix({
  confusion,
  names,
}: {
  confusion: { actual: string; predicted: string; count: number }[];
  names: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const codes = useMemo(() => [...new Set(confusion.flatMap((c) => [c.actual, c.predicted]))].sort(), [confusion]);
  if (codes.length === 0) return null;
  const cell = new Map(confusion.map((c) => [`${c.actual}|${c.predicted}`, c.count]));
  const max = Math.max(1, ...confusion.map((c) => c.count));
  const label = (code: string) => names.get(code) ?? code;
  return (
    <div>
      <Typography.Text strong>{t('canvass.classifier.confusion')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
        {t('canvass.classifier.confusionHint')}
      </Typography.Text>
      <div style={{ overflowX: 'auto', marginTop: 6 }}>
        <table style={{ borderCollapse: 'collapse', fontSize: 12 }} data-testid="confusion-matrix">
          <thead>
            <tr>
              <th />
              {codes.map((c) => (
                <th
                  key={c}
                  style={{ padding: 4, fontWeight: 'normal', color: '#595959', maxWidth: 90 }}
                  title={label(c)}
                >
                  {label(c).slice(0, 6)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {codes.map((actual) => (
              <tr key={actual}>
                <th
                  style={{ padding: 4, fontWeight: 'normal', color: '#595959', textAlign: 'end' }}
                  title={label(actual)}
                >
                  {label(actual).slice(0, 8)}
                </th>
                {codes.map((predicted) => {
                  const n = cell.get(`${actual}|${predicted}`) ?? 0;
                  const right = actual === predicted;
                  const alpha = n === 0 ? 0 : 0.15 + 0.85 * (n / max);
                  return (
                    <td
                      key={predicted}
                      style={{
                        width: 44,
                        height: 32,
                        textAlign: 'center',
                        border: '1px solid #f0f0f0',
                        background: n === 0 ? '#fff' : right ? `rgba(56,158,13,${alpha})` : `rgba(207,19,34,${alpha})`,
                        color: alpha > 0.6 ? '#fff' : undefined,
                      }}
                    >
                      {n || ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

// --- try it ----------------------------------------------------------------------------------

function TryCard() {
  const t = useT();
  const { message } = App.useApp();
  const topics = useTopics();
  const names = topicNames(topics.data);
  const [text, setText] = useState('');
  const [result, setResult] = useState<SuggestResponse | null>(null);
  const [busy, setBusy] = useState(false);

  const run = () => {
    if (!text.trim()) return;
    setBusy(true);
    suggestTopic(text.trim())
      .then(setResult)
      .catch((error: unknown) => showApiError(error, message))
      .finally(() => setBusy(false));
  };

  return (
    <Card size="small" title={t('canvass.classifier.tryTitle')} data-testid="classifier-try">
      <Flex vertical gap={8}>
        <Input.TextArea
          rows={3}
          value={text}
          maxLength={TEXT_LIMITS.opinion}
          showCount
          placeholder={t('canvass.classifier.tryPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => {
            if (e.ctrlKey || e.metaKey) run();
          }}
          data-testid="classifier-try-text"
        />
        <Button
          icon={<ExperimentOutlined />}
          loading={busy}
          disabled={!text.trim()}
          onClick={run}
          style={{ alignSelf: 'flex-start' }}
          data-testid="classifier-try-run"
        >
          {t('canvass.classifier.tryRun')}
        </Button>
        {result ? (
          result.suggestion ? (
            <div data-testid="classifier-try-result">
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'topic',
                    label: t('canvass.opinion.topic'),
                    children: (
                      <Tag color="blue">
                        {topicLabel(names, result.suggestion.topicCode, result.suggestion.subtopicCode)}
                      </Tag>
                    ),
                  },
                  {
                    key: 'unit',
                    label: t('canvass.route.unit'),
                    children: result.suggestion.unit?.name ?? t('common.none'),
                  },
                  {
                    key: 'confidence',
                    label: t('canvass.classifier.confidence'),
                    children: percentText(result.suggestion.confidence),
                  },
                ]}
              />
              <Flex vertical gap={2}>
                {[...result.topics]
                  .sort((a, b) => b.probability - a.probability)
                  .map((p) => (
                    <Flex key={p.code} align="center" gap={8}>
                      <span style={{ width: 160, fontSize: 12 }}>{topicLabel(names, p.code)}</span>
                      <Progress percent={Math.round(p.probability * 100)} size="small" style={{ flex: 1, margin: 0 }} />
                    </Flex>
                  ))}
              </Flex>
            </div>
          ) : (
            <Typography.Text type="secondary" data-testid="classifier-try-result">
              {t('canvass.classifier.noSuggestion')}
            </Typography.Text>
          )
        ) : null}
      </Flex>
    </Card>
  );
}
