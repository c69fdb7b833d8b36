// The workflow dialogs of an opinion: 分类 (scope, topic, sub-topic; starts from the confirmed or
// suggested topic), 交办 (the unit — preselected with the suggestion —, case or direct reply, the
// case category for a case, the answer date, the whole group alike), 答复 (solved / scheduled with
// the promised date / cannot be solved now with the explanation) and 反馈群众 (how the answer
// reached the resident). Each is a modal over one opinion and reports success to its caller.
import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  DELIVERY_CHANNELS,
  OPINION_SCOPES,
  REPLY_KINDS,
  ROUTE_KINDS,
  TEXT_LIMITS,
  topTopicOf,
  type DeliveryChannel,
  type OpinionScope,
  type ReplyKind,
  type RouteKind,
} from '@cc/common/canvass';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { DATE_FORMAT } from '../../../shared/format';
import { UnitSelect } from '../../../shared/components/unit-select';
import { useClassifyOpinion, useDeliverOpinion, useReplyOpinion, useRouteOpinion, useTopics } from '../api/canvass-api';
import type { Opinion, RouteBody } from '../api/canvass-types';
import { CaseCategorySelect } from './case-category-select';
import { SubtopicSelect, TopTopicSelect } from './topic-select';
import { VisitContact } from './visit-contact';

function OpinionQuote({ opinion }: { opinion: Opinion }) {
  return (
    <Typography.Paragraph
      style={{ background: '#fafafa', padding: '8px 12px', borderRadius: 6, whiteSpace: 'pre-wrap' }}
      data-testid="dialog-opinion-text"
    >
      {opinion.text}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {opinion.community.name} · {opinion.unit.name}
      </Typography.Text>
    </Typography.Paragraph>
  );
}

// --- classify --------------------------------------------------------------------------------

interface ClassifyValues {
  scope: OpinionScope;
  topicCode: string | null;
  subtopicCode: string | null;
}

export function ClassifyModal({ opinion, onClose }: { opinion: Opinion; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClassifyValues>();
  const topics = useTopics();
  const classify = useClassifyOpinion();
  const topCode = Form.useWatch('topicCode', form) ?? null;
  const s = opinion.suggestion;
  const initial: ClassifyValues = {
    scope: opinion.scope ?? ((opinion.group?.count ?? 0) > 1 ? 'common' : 'individual'),
    topicCode: opinion.topicCode ?? (s ? topTopicOf(s.topicCode) : null),
    subtopicCode: opinion.subtopicCode ?? (opinion.topicCode ? null : (s?.subtopicCode ?? null)),
  };

  const submit = async () => {
    const v = await form.validateFields();
    classify.mutate(
      { id: opinion.id, body: { scope: v.scope, topicCode: v.topicCode!, subtopicCode: v.subtopicCode ?? null } },
      {
        onSuccess: () => {
          void message.success(t('canvass.classify.done'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('canvass.classify.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ loading: classify.isPending, ...({ 'data-testid': 'classify-submit' } as object) }}
      destroyOnHidden
    >
      <OpinionQuote opinion={opinion} />
      <Form<ClassifyValues> form={form} layout="vertical" name="classify" initialValues={initial}>
        <Form.Item name="scope" label={t('canvass.opinion.scope')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={OPINION_SCOPES.map((sc) => ({ value: sc, label: t(`canvass.scope.${sc}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="topicCode"
          label={t('canvass.opinion.topic')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <TopTopicSelect
            topics={topics.data ?? []}
            onChange={(code) => form.setFieldsValue({ topicCode: code, subtopicCode: null })}
          />
        </Form.Item>
        <Form.Item name="subtopicCode" label={t('canvass.opinion.subtopic')}>
          <SubtopicSelect topics={topics.data ?? []} topCode={topCode} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// --- route -----------------------------------------------------------------------------------

interface RouteValues {
  unitId: number | null;
  kind: RouteKind;
  caseCategoryId: number | null;
  answerDueOn: Dayjs | null;
  wholeGroup: boolean;
}

export function RouteModal({ opinion, onClose }: { opinion: Opinion; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RouteValues>();
  const route = useRouteOpinion();
  const kind = Form.useWatch('kind', form) ?? 'reply';
  const suggested = opinion.suggestion?.unit ?? null;
  const [unitLabel] = useState(opinion.routedUnit?.name ?? suggested?.name ?? null);
  const groupSize = opinion.group?.count ?? 0;
  const initial: RouteValues = {
    unitId: opinion.routedUnit?.id ?? suggested?.id ?? null,
    kind: opinion.routeKind ?? 'reply',
    caseCategoryId: null,
    answerDueOn: null,
    wholeGroup: false,
  };

  const submit = async () => {
    const v = await form.validateFields();
    const body: RouteBody = {
      unitId: v.unitId!,
      kind: v.kind,
      ...(v.answerDueOn ? { answerDueOn: v.answerDueOn.format(DATE_FORMAT) } : {}),
      ...(v.kind === 'case' && v.caseCategoryId ? { caseCategoryId: v.caseCategoryId } : {}),
      ...(v.wholeGroup ? { wholeGroup: true } : {}),
    };
    route.mutate(
      { id: opinion.id, body },
      {
        onSuccess: (r) => {
          void message.success(
            r.caseIds.length > 0
              ? t('canvass.route.doneCases', { routed: r.routed, cases: r.caseIds.length })
              : t('canvass.route.done', { routed: r.routed }),
          );
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('canvass.route.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('canvass.route.submit')}
      okButtonProps={{ loading: route.isPending, ...({ 'data-testid': 'route-submit' } as object) }}
      destroyOnHidden
      width={560}
    >
      <OpinionQuote opinion={opinion} />
      <Form<RouteValues> form={form} layout="vertical" name="route" initialValues={initial}>
        <Form.Item
          name="unitId"
          label={t('canvass.route.unit')}
          extra={suggested ? t('canvass.route.suggested', { unit: suggested.name }) : undefined}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UnitSelect initialLabel={unitLabel} />
        </Form.Item>
        <Form.Item name="kind" label={t('canvass.route.kind')}>
          <Radio.Group data-testid="route-kind">
            {ROUTE_KINDS.map((k) => (
              <Radio key={k} value={k} data-testid={`route-kind-${k}`}>
                {t(`canvass.routeKind.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {kind === 'case' ? (
          <Form.Item
            name="caseCategoryId"
            label={t('canvass.route.category')}
            extra={t('canvass.route.categoryHint')}
            rules={[{ required: true, message: t('canvass.route.categoryMissing') }]}
          >
            <CaseCategorySelect />
          </Form.Item>
        ) : null}
        <Form.Item name="answerDueOn" label={t('canvass.route.answerDue')} extra={t('canvass.route.answerDueHint')}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            data-testid="route-due"
          />
        </Form.Item>
        {opinion.group && groupSize > 1 ? (
          <Form.Item name="wholeGroup" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="route-whole-group">
              {t('canvass.route.wholeGroup', { label: opinion.group.label, count: groupSize })}
            </Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

// --- reply -----------------------------------------------------------------------------------

interface ReplyValues {
  kind: ReplyKind;
  text: string;
  promisedOn: Dayjs | null;
}

export function ReplyModal({ opinion, onClose }: { opinion: Opinion; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReplyValues>();
  const reply = useReplyOpinion();
  const kind = Form.useWatch('kind', form) ?? 'solved';

  const submit = async () => {
    const v = await form.validateFields();
    reply.mutate(
      {
        id: opinion.id,
        body: {
          kind: v.kind,
          text: v.text.trim(),
          promisedOn: v.kind === 'scheduled' && v.promisedOn ? v.promisedOn.format(DATE_FORMAT) : null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('canvass.reply.done'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('canvass.reply.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ loading: reply.isPending, ...({ 'data-testid': 'reply-submit' } as object) }}
      destroyOnHidden
      width={560}
    >
      <OpinionQuote opinion={opinion} />
      {opinion.caseId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('canvass.reply.caseNote', { id: opinion.caseId })}
        />
      ) : null}
      <Form<ReplyValues>
        form={form}
        layout="vertical"
        name="reply"
        initialValues={{ kind: 'solved', text: '', promisedOn: null }}
      >
        <Form.Item name="kind" label={t('canvass.reply.kind')}>
          <Radio.Group data-testid="reply-kind">
            {REPLY_KINDS.map((k) => (
              <Radio key={k} value={k} data-testid={`reply-kind-${k}`}>
                {t(`canvass.replyKind.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {kind === 'scheduled' ? (
          <Form.Item
            name="promisedOn"
            label={t('canvass.reply.promisedOn')}
            rules={[{ required: true, message: t('canvass.reply.promisedMissing') }]}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              data-testid="reply-promised"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="text"
          label={t(kind === 'cannot' ? 'canvass.reply.explanation' : 'canvass.reply.text')}
          extra={kind === 'cannot' ? t('canvass.reply.cannotHint') : undefined}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: TEXT_LIMITS.reply, message: t('validation.maxLength', { max: TEXT_LIMITS.reply }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={TEXT_LIMITS.reply} showCount data-testid="reply-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// --- deliver ---------------------------------------------------------------------------------

interface DeliverValues {
  via: DeliveryChannel;
  note: string;
}

export function DeliverModal({ opinion, onClose }: { opinion: Opinion; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeliverValues>();
  const deliver = useDeliverOpinion();

  const submit = async () => {
    const v = await form.validateFields();
    deliver.mutate(
      { id: opinion.id, body: { via: v.via, note: v.note.trim() || null } },
      {
        onSuccess: () => {
          void message.success(t('canvass.deliver.done'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('canvass.deliver.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ loading: deliver.isPending, ...({ 'data-testid': 'deliver-submit' } as object) }}
      destroyOnHidden
      width={560}
    >
      <OpinionQuote opinion={opinion} />
      {opinion.reply ? (
        <Alert
          type="success"
          style={{ marginBottom: 12 }}
          title={t(`canvass.replyKind.${opinion.reply.kind}`)}
          description={
            <span style={{ whiteSpace: 'pre-wrap' }}>
              {opinion.reply.text}
              {opinion.reply.promisedOn ? `（${t('canvass.reply.promisedOn')} ${opinion.reply.promisedOn}）` : ''}
            </span>
          }
        />
      ) : null}
      <VisitContact visitId={opinion.visitId} />
      <Form<DeliverValues> form={form} layout="vertical" name="deliver" initialValues={{ via: 'phone', note: '' }}>
        <Form.Item name="via" label={t('canvass.deliver.via')}>
          <Radio.Group optionType="button" data-testid="deliver-via">
            {DELIVERY_CHANNELS.map((c) => (
              <Radio.Button key={c} value={c} data-testid={`deliver-via-${c}`}>
                {t(`canvass.delivery.${c}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('canvass.deliver.note')}
          rules={[{ max: TEXT_LIMITS.note, message: t('validation.maxLength', { max: TEXT_LIMITS.note }) }]}
        >
          <Input.TextArea rows={2} maxLength={TEXT_LIMITS.note} data-testid="deliver-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
