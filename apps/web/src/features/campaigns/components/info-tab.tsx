// 基本信息: the campaign's facts — titles, period, owning region, status and phase (with when it
// last changed), leading group, the units taking part, reminder and escalation intervals,
// description and documents to download. The office edits it, switches between 常态 and 迎检 (a
// confirmed, audited step with a note), and closes or reopens the campaign.
import { useState } from 'react';
import { App, Alert, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { EditOutlined, FireOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import type { CampaignPhase } from '@cc/common/campaigns';
import type { UnitType } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { formatDateTime } from '../../../shared/format';
import { useSaveCampaign, useSwitchPhase } from '../api/campaigns-api';
import type { CampaignDetail } from '../api/campaign-types';
import { CampaignFormDrawer } from './campaign-form-drawer';
import { PhaseTag, TitleTags } from './campaign-tags';
import { FileLinks } from '../../../shared/components/file-list-upload';

export function InfoTab({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [switching, setSwitching] = useState(false);
  const save = useSaveCampaign();
  const active = campaign.status === 'active';
  const nextPhase: CampaignPhase = campaign.phase === 'normal' ? 'pre_inspection' : 'normal';
  const scope = campaign.scope;

  const setStatus = (status: CampaignDetail['status']) =>
    save.mutateAsync({ id: campaign.id, body: { status } }).then(
      () => void message.success(t('common.saved')),
      (error: unknown) => showApiError(error, message),
    );

  return (
    <Card
      size="small"
      title={t('campaigns.tab.info')}
      extra={
        campaign.canManage ? (
          <Space wrap>
            {active ? (
              <Button
                icon={<FireOutlined />}
                danger={nextPhase === 'pre_inspection'}
                onClick={() => setSwitching(true)}
                data-testid="phase-switch"
              >
                {t(`campaigns.phaseSwitch.to.${nextPhase}`)}
              </Button>
            ) : null}
            {active ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {active ? (
              <Popconfirm
                title={t('campaigns.info.closeConfirm')}
                okButtonProps={{ danger: true }}
                onConfirm={() => setStatus('closed')}
              >
                <Button icon={<StopOutlined />}>{t('campaigns.info.close')}</Button>
              </Popconfirm>
            ) : (
              <Button icon={<RollbackOutlined />} onClick={() => void setStatus('active')} loading={save.isPending}>
                {t('campaigns.info.reopen')}
              </Button>
            )}
          </Space>
        ) : null
      }
      data-testid="campaign-info"
    >
      {!active ? (
        <Alert type="info" showIcon title={t('campaigns.info.closedHint')} style={{ marginBottom: 12 }} />
      ) : null}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'name', label: t('campaigns.field.name'), children: campaign.name, span: 'filled' },
          { key: 'titles', label: t('campaigns.field.titles'), children: <TitleTags titles={campaign.titles} /> },
          {
            key: 'period',
            label: t('campaigns.field.period'),
            children: t('campaigns.periodText', { from: campaign.startsOn, to: campaign.endsOn }),
          },
          { key: 'region', label: t('campaigns.field.region'), children: campaign.regionName },
          {
            key: 'status',
            label: t('campaigns.field.status'),
            children: <Tag color={active ? 'green' : 'default'}>{t(`campaigns.status.${campaign.status}`)}</Tag>,
          },
          {
            key: 'phase',
            label: t('campaigns.field.phase'),
            children: (
              <Space size={8} wrap>
                <PhaseTag phase={campaign.phase} />
                {campaign.phaseChangedAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('campaigns.info.phaseChangedAt', { time: formatDateTime(campaign.phaseChangedAt) })}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'group',
            label: t('campaigns.field.leadingGroup'),
            children: campaign.leadingGroup?.name ?? '—',
          },
          {
            key: 'scope',
            label: t('campaigns.field.scope'),
            span: 'filled',
            children: scope.allUnits ? (
              t('campaigns.scope.all')
            ) : (
              <Space orientation="vertical" size={4} data-testid="campaign-scope">
                {scope.unitTypes.length > 0 ? (
                  <span>
                    {t('campaigns.scope.unitTypes')}：
                    {scope.unitTypes.map((u) => t(`unitType.${u as UnitType}`)).join('、')}
                  </span>
                ) : null}
                {scope.regions.length > 0 ? (
                  <span>
                    {t('campaigns.scope.regions')}：{scope.regions.map((r) => r.name).join('、')}
                  </span>
                ) : null}
                {scope.units.length > 0 ? (
                  <span>
                    {t('campaigns.scope.units')}：{scope.units.map((u) => u.name).join('、')}
                  </span>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'remind',
            label: t('campaigns.field.remindDaysBefore'),
            children: t('campaigns.info.days', { days: campaign.remindDaysBefore }),
          },
          {
            key: 'escalate',
            label: t('campaigns.field.escalateEveryDays'),
            children: t('campaigns.info.days', { days: campaign.escalateEveryDays }),
          },
          {
            key: 'description',
            label: t('campaigns.field.description'),
            span: 'filled',
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{campaign.description ?? '—'}</span>,
          },
          {
            key: 'documents',
            label: t('campaigns.field.documents'),
            span: 'filled',
            children: (
              <FileLinks
                files={campaign.documents.map((d) => ({
                  id: d.fileId,
                  name: d.name,
                  mime: d.mime,
                  size: d.size,
                  title: d.title,
                }))}
              />
            ),
          },
          { key: 'created', label: t('campaigns.info.createdAt'), children: formatDateTime(campaign.createdAt) },
        ]}
      />
      {editing ? <CampaignFormDrawer detail={campaign} onClose={() => setEditing(false)} /> : null}
      {switching ? (
        <PhaseSwitchModal campaign={campaign} phase={nextPhase} onClose={() => setSwitching(false)} />
      ) : null}
    </Card>
  );
}

function PhaseSwitchModal({
  campaign,
  phase,
  onClose,
}: {
  campaign: CampaignDetail;
  phase: CampaignPhase;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const switchPhase = useSwitchPhase(campaign.id);

  const submit = async () => {
    const { note } = await form.validateFields();
    switchPhase.mutate(
      { phase, note: note?.trim() ? note.trim() : null },
      {
        onSuccess: () => {
          void message.success(t('campaigns.phaseSwitch.done', { phase: t(`campaigns.phase.${phase}`) }));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t(`campaigns.phaseSwitch.to.${phase}`)}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.confirm')}
      okButtonProps={{ danger: phase === 'pre_inspection', ...({ 'data-testid': 'phase-submit' } as object) }}
      confirmLoading={switchPhase.isPending}
      destroyOnHidden
    >
      <Alert
        type={phase === 'pre_inspection' ? 'warning' : 'info'}
        showIcon
        title={t(`campaigns.phaseSwitch.hint.${phase}`)}
        style={{ marginBottom: 12 }}
      />
      <Form form={form} name="phase" layout="vertical">
        <Form.Item
          name="note"
          label={t('campaigns.phaseSwitch.note')}
          rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t('campaigns.phaseSwitch.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
