// One material requirement (网上申报): the standard asked (code, name, points, the path above it),
// the unit, the due date and status; the unit's upload form (evidence files with a note) while it
// may submit; and the submissions, latest first, with their files and notes, the review (who, when,
// the reason for a return) and — for the office on a submission waiting — 审核通过 / 退回 (a return
// needs a reason).
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { INSPECTION_LIMITS } from '@cc/common/inspections';
import { useT } from '../../../app/i18n/locale-provider';
import { FileLinks, FileListUpload } from '../../../shared/components/file-list-upload';
import { RecordPage } from '../../../shared/components/page-states';
import { showApiError } from '../../../shared/form-errors';
import { dash, formatDate, formatDateTime } from '../../../shared/format';
import type { FileRef } from '../../../shared/files';
import { routeId } from '../../../shared/url-params';
import { useRequirement, useReviewMaterial, useSubmitMaterial } from '../api/materials-api';
import type { MaterialRequirementDetail, MaterialSubmission } from '../api/inspection-types';
import { MaterialStatusTag } from '../components/inspection-tags';

const SUBMISSION_COLORS = { submitted: 'gold', accepted: 'green', returned: 'magenta' } as const;

export default function MaterialPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useRequirement(id);
  return (
    <RecordPage
      id={id}
      query={query}
      testId="page-material"
      notFoundTitle={t('inspections.material.notFound')}
      backTo="/materials"
      backText={t('inspections.material.backToList')}
    >
      {(detail) => <MaterialView detail={detail} />}
    </RecordPage>
  );
}

function MaterialView({ detail }: { detail: MaterialRequirementDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const [reviewing, setReviewing] = useState<{ submission: MaterialSubmission; decision: 'accept' | 'return' } | null>(
    null,
  );
  const open = detail.canSubmit && detail.status !== 'accepted';

  return (
    <div data-testid="page-material" data-status={detail.status}>
      <Card size="small">
        <Button
          type="link"
          size="small"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => (window.history.length > 1 ? void navigate(-1) : void navigate('/materials'))}
        >
          {t('common.back')}
        </Button>
        <Flex align="center" gap={8} wrap style={{ marginTop: 4 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {detail.standard.code} {detail.standard.name}
          </Typography.Title>
          <MaterialStatusTag status={detail.status} />
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          style={{ marginTop: 12 }}
          items={[
            { key: 'unit', label: t('inspections.material.unit'), children: detail.unit.name },
            { key: 'points', label: t('inspections.index.points'), children: dash(detail.standard.points) },
            { key: 'due', label: t('inspections.material.dueOn'), children: formatDate(detail.dueOn) },
            {
              key: 'last',
              label: t('inspections.material.lastSubmittedAt'),
              children: formatDateTime(detail.lastSubmittedAt),
            },
          ]}
        />
      </Card>
      {detail.status === 'returned' && detail.submissions[0]?.reviewNote ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('inspections.material.returnedBecause')}
          description={detail.submissions[0].reviewNote}
          data-testid="material-return-reason"
        />
      ) : null}
      {open ? <SubmitForm requirementId={detail.id} /> : null}
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={t('inspections.material.submissions', { count: detail.submissions.length })}
      >
        {detail.submissions.length === 0 ? (
          <Typography.Text type="secondary">{t('inspections.material.noSubmissions')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            {detail.submissions.map((s) => (
              <Card
                key={s.id}
                size="small"
                type="inner"
                data-testid="submission-card"
                data-status={s.status}
                title={
                  <Space size={8} wrap>
                    <Tag color={SUBMISSION_COLORS[s.status]} style={{ marginInlineEnd: 0 }}>
                      {t(`inspections.submissionStatus.${s.status}`)}
                    </Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                      {t('inspections.material.submittedBy', {
                        name: s.submittedByName ?? '—',
                        time: formatDateTime(s.submittedAt),
                      })}
                    </Typography.Text>
                  </Space>
                }
                extra={
                  detail.canReview && s.status === 'submitted' ? (
                    <Space>
                      <Button
                        size="small"
                        type="primary"
                        icon={<CheckOutlined />}
                        onClick={() => setReviewing({ submission: s, decision: 'accept' })}
                        data-testid="review-accept"
                      >
                        {t('inspections.material.accept')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        icon={<RollbackOutlined />}
                        onClick={() => setReviewing({ submission: s, decision: 'return' })}
                        data-testid="review-return"
                      >
                        {t('inspections.material.return')}
                      </Button>
                    </Space>
                  ) : null
                }
              >
                {s.note ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.note}</Typography.Paragraph>
                ) : null}
                <FileLinks files={s.files} />
                {s.reviewedAt ? (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                    {t('inspections.material.reviewedBy', {
                      name: s.reviewedByName ?? '—',
                      time: formatDateTime(s.reviewedAt),
                    })}
                    {s.reviewNote ? `：${s.reviewNote}` : ''}
                  </Typography.Paragraph>
                ) : null}
              </Card>
            ))}
          </Flex>
        )}
      </Card>
      {reviewing ? (
        <ReviewModal
          submission={reviewing.submission}
          decision={reviewing.decision}
          onClose={() => setReviewing(null)}
        />
      ) : null}
    </div>
  );
}

function SubmitForm({ requirementId }: { requirementId: number }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ files: FileRef[]; note: string }>();
  const submit = useSubmitMaterial(requirementId);
  const [uploading, setUploading] = useState(false);

  const send = async () => {
    const v = await form.validateFields();
    submit.mutate(
      { files: v.files.map((f) => f.id), note: v.note?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('inspections.material.sent'));
          form.resetFields();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Card size="small" style={{ marginTop: 12 }} title={t('inspections.material.upload')} data-testid="material-submit">
      <Form form={form} name="material" layout="vertical" initialValues={{ files: [], note: '' }}>
        <Form.Item
          name="files"
          label={t('inspections.material.files')}
          rules={[
            {
              validator: async (_r, v: FileRef[] | undefined) => {
                if (!v || v.length === 0) throw new Error(t('inspections.material.filesRequired'));
              },
            },
          ]}
        >
          <FileListUpload max={20} onBusyChange={setUploading} testId="material-files" />
        </Form.Item>
        <Form.Item name="note" label={t('inspections.material.note')}>
          <Input.TextArea rows={3} maxLength={INSPECTION_LIMITS.noteMax} showCount />
        </Form.Item>
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={submit.isPending}
          disabled={uploading}
          onClick={() => void send().catch(() => undefined)}
          data-testid="material-send"
        >
          {t('inspections.material.send')}
        </Button>
      </Form>
    </Card>
  );
}

function ReviewModal({
  submission,
  decision,
  onClose,
}: {
  submission: MaterialSubmission;
  decision: 'accept' | 'return';
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const review = useReviewMaterial();

  const submit = async () => {
    const v = await form.validateFields();
    review.mutate(
      { submissionId: submission.id, body: { decision, note: v.note?.trim() || null } },
      {
        onSuccess: () => {
          void message.success(
            t(decision === 'accept' ? 'inspections.material.acceptedDone' : 'inspections.material.returnedDone'),
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
      title={t(decision === 'accept' ? 'inspections.material.accept' : 'inspections.material.return')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{
        danger: decision === 'return',
        ...({ 'data-testid': 'review-submit' } as Record<string, string>),
      }}
      confirmLoading={review.isPending}
      destroyOnHidden
    >
      <Form form={form} name="review" layout="vertical">
        <Form.Item
          name="note"
          label={decision === 'return' ? t('inspections.material.returnReason') : t('inspections.material.reviewNote')}
          rules={
            decision === 'return'
              ? [{ required: true, whitespace: true, message: t('inspections.material.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={INSPECTION_LIMITS.noteMax} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
