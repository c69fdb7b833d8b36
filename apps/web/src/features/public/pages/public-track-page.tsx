// Following a report by its private tracking link: where the case stands in plain words, what was
// reported, and the steps so far (no names or internal notes). When the case is closed the
// resident can say it is still not fixed, which sends it back to verification.
import { useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Result,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  CheckCircleFilled,
  ClockCircleFilled,
  InboxOutlined,
  MinusCircleFilled,
  ReloadOutlined,
} from '@ant-design/icons';
import { CASE_STATUSES, type CaseStatus } from '@cc/common/cases';
import { isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { formatDateTime } from '../../../shared/format';
import { CaseStatusTag } from '../../../shared/cases/case-status-tag';
import { usePublicTrack, useSayNotFixed, type PublicCaseView } from '../api/public-api';
import { isLogAction, publicStage, type PublicStage } from '../api/public-format';
import { PublicShell } from '../components/public-shell';

const TOKEN_RE = /^[A-Za-z0-9_-]{16,64}$/;

const STAGE_LOOK: Record<PublicStage, { color: string; icon: React.ReactNode }> = {
  received: { color: '#1677ff', icon: <InboxOutlined /> },
  handling: { color: '#fa8c16', icon: <ClockCircleFilled /> },
  fixed: { color: '#389e0d', icon: <CheckCircleFilled /> },
  closedOther: { color: '#8c8c8c', icon: <MinusCircleFilled /> },
};

function isStatus(value: string | null): value is CaseStatus {
  return value !== null && (CASE_STATUSES as readonly string[]).includes(value);
}

function NotFixedForm({ token }: { token: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const sayNotFixed = useSayNotFixed(token);

  const submit = async () => {
    const { note } = await form.validateFields();
    sayNotFixed.mutate(note.trim(), {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('public.track.notFixedSent'));
      },
      onError: (error) => showApiError(error, message, form),
    });
  };

  return (
    <Card size="small" title={t('public.track.notFixedTitle')} data-testid="not-fixed">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('public.track.notFixedHint')}
      </Typography.Paragraph>
      <Form form={form} name="notFixed" layout="vertical" size="large" requiredMark={false}>
        <Form.Item
          name="note"
          label={t('public.track.notFixedNote')}
          rules={[
            { required: true, whitespace: true, message: t('public.track.err.note') },
            { min: 2, message: t('public.track.err.noteShort') },
            { max: 500, message: t('validation.maxLength', { max: 500 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('public.track.notFixedPlaceholder')} />
        </Form.Item>
        <Button
          type="primary"
          danger
          size="large"
          block
          loading={sayNotFixed.isPending}
          onClick={() => void submit().catch(() => undefined)}
          data-testid="form-submit"
        >
          {t('public.track.notFixedSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

function CaseView({
  view,
  token,
  onRefresh,
  refreshing,
}: {
  view: PublicCaseView;
  token: string;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const t = useT();
  const stage = publicStage(view.status);
  const look = STAGE_LOOK[stage];
  const steps = [...view.steps].reverse();

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <span style={{ fontSize: 36, color: look.color, lineHeight: 1 }}>{look.icon}</span>
          <div style={{ flex: 1, minWidth: 0 }}>
            <div
              style={{ fontSize: 20, fontWeight: 600, color: look.color }}
              data-testid="track-stage"
              data-stage={stage}
            >
              {t(`public.stage.${stage}`)}
            </div>
            <Typography.Text type="secondary">{t(`public.stageHint.${stage}`)}</Typography.Text>
          </div>
          <Button
            type="text"
            icon={<ReloadOutlined />}
            loading={refreshing}
            onClick={onRefresh}
            aria-label={t('public.track.refresh')}
            title={t('public.track.refresh')}
          />
        </div>
      </Card>

      <Card size="small" title={t('public.track.details')}>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'code',
              label: t('public.track.code'),
              children: (
                <Typography.Text strong copyable data-testid="track-code">
                  {view.code}
                </Typography.Text>
              ),
            },
            { key: 'status', label: t('public.track.status'), children: <CaseStatusTag status={view.status} /> },
            { key: 'category', label: t('public.track.category'), children: view.categoryName },
            {
              key: 'description',
              label: t('public.track.description'),
              children: (
                <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="track-description">
                  {view.description}
                </span>
              ),
            },
            ...(view.address ? [{ key: 'address', label: t('public.track.address'), children: view.address }] : []),
            { key: 'createdAt', label: t('public.track.reportedAt'), children: formatDateTime(view.createdAt) },
            ...(view.closedAt
              ? [{ key: 'closedAt', label: t('public.track.closedAt'), children: formatDateTime(view.closedAt) }]
              : []),
          ]}
        />
      </Card>

      <Card size="small" title={t('public.track.steps')}>
        {steps.length === 0 ? (
          <Typography.Text type="secondary">{t('public.track.noSteps')}</Typography.Text>
        ) : (
          <div data-testid="track-steps">
            <Timeline
              items={steps.map((step, i) => ({
                key: `${step.at}-${i}`,
                color: i === 0 ? look.color : 'gray',
                content: (
                  <div data-testid="track-step" data-action={step.action}>
                    <Typography.Text strong={i === 0}>
                      {isLogAction(step.action) ? t(`case.action.${step.action}`) : step.action}
                    </Typography.Text>
                    {isStatus(step.toStatus) ? (
                      <Tag style={{ marginInlineStart: 8 }}>{t(`case.status.${step.toStatus}`)}</Tag>
                    ) : null}
                    <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatDateTime(step.at)}</div>
                  </div>
                ),
              }))}
            />
          </div>
        )}
      </Card>

      {view.canSayNotFixed ? <NotFixedForm token={token} /> : null}

      <Alert type="info" showIcon title={t('public.track.keepLink')} />
    </Space>
  );
}

export default function PublicTrackPage() {
  const t = useT();
  const { token = '' } = useParams();
  const validToken = TOKEN_RE.test(token);
  const track = usePublicTrack(token, validToken);

  let content;
  if (!validToken || (track.isError && isApiError(track.error) && track.error.status === 404)) {
    content = <Result status="404" title={t('public.track.notFound')} subTitle={t('public.track.notFoundHint')} />;
  } else if (track.isError && !track.data) {
    content = (
      <Result
        status="warning"
        title={t('public.loadFailed')}
        subTitle={track.error.message}
        extra={
          <Button type="primary" size="large" onClick={() => void track.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (!track.data) {
    content = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    content = (
      <CaseView view={track.data} token={token} onRefresh={() => void track.refetch()} refreshing={track.isFetching} />
    );
  }

  return (
    <PublicShell title={t('public.track.title')} testId="page-public-track">
      {content}
    </PublicShell>
  );
}
