// The opinion workbench (意见建议办理): opinions with their filters in the URL — drive, status,
// topic, 共性 / 个性, unclassified, community, routed unit, group, overdue, text — each row with
// the classifier's suggestion (topic, unit, confidence) and "accept", its group, where it was
// routed and by when, and the buttons its `actions` allow (classify, route, reply, deliver); rows
// past their date are highlighted. Selected rows' suggestions are accepted at once. In the inbox
// view (a unit's staff) only the opinions routed to the unit and not yet delivered are listed.
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { OPINION_SCOPES, OPINION_STATUSES } from '@cc/common/canvass';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UnitSelect } from '../../../shared/components/unit-select';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { showApiError } from '../../../shared/form-errors';
import { formatDate } from '../../../shared/format';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { useAcceptSuggestions, useDriveOptions, useOpinionList, useTopics } from '../api/canvass-api';
import { topicLabel, topicNames } from '../api/canvass-format';
import type { Opinion, OpinionAction } from '../api/canvass-types';
import { OPINION_LIST_CODEC } from '../api/list-params';
import { OpinionStatusTag, ScopeTag, SuggestionTag } from './canvass-tags';
import { CommunitySelect } from './community-select';
import { ClassifyModal, DeliverModal, ReplyModal, RouteModal } from './opinion-dialogs';
import { OpinionDrawer } from './opinion-drawer';
import { TopicFilterSelect } from './topic-select';

type Dialog = { action: OpinionAction; opinion: Opinion } | null;

export function OpinionWorkbench({ inbox = false, title }: { inbox?: boolean; title: ReactNode }) {
  const t = useT();
  const { message } = App.useApp();
  const list = useUrlListState(OPINION_LIST_CODEC);
  const { state, update } = list;
  const params = inbox ? { ...list.params, inbox: true } : list.params;
  const query = useOpinionList(params);
  const topics = useTopics();
  const names = topicNames(topics.data);
  const drives = useDriveOptions();
  const accept = useAcceptSuggestions();
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [shownId, setShownId] = useState<number | null>(null);
  const items = query.data?.items ?? [];
  const acceptable = items.filter((o) => selected.includes(o.id) && o.suggestion && o.actions.includes('classify'));

  const acceptIds = (ids: number[]) =>
    accept.mutate(ids, {
      onSuccess: (r) => {
        void message.success(t('canvass.opinion.accepted', { classified: r.classified, skipped: r.skipped }));
        setSelected([]);
      },
      onError: (error) => showApiError(error, message),
    });

  const actionButtons = (o: Opinion) => (
    <Space size={4} wrap>
      {o.actions.map((action) => (
        <Button
          key={action}
          size="small"
          type={action === 'route' || action === 'reply' || action === 'deliver' ? 'primary' : 'default'}
          ghost={action !== 'classify'}
          onClick={() => setDialog({ action, opinion: o })}
          data-testid={`opinion-${action}`}
        >
          {t(`canvass.action.${action}`)}
        </Button>
      ))}
    </Space>
  );

  const columns: TableColumnsType<Opinion> = [
    {
      title: t('canvass.opinion.text'),
      key: 'text',
      render: (_v, o) => (
        <div style={{ minWidth: 220 }}>
          <Typography.Link onClick={() => setShownId(o.id)} data-testid="opinion-open">
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: o.text }} style={{ margin: 0, color: 'inherit' }}>
              {o.text}
            </Typography.Paragraph>
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[o.community.name, o.unit.name, formatDate(o.createdAt)].join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('canvass.opinion.status'),
      key: 'status',
      width: 110,
      render: (_v, o) => (
        <Flex vertical gap={2} align="flex-start">
          <OpinionStatusTag status={o.status} overdue={o.overdue} />
          {o.escalationCount > 0 ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('canvass.opinion.escalated', { count: o.escalationCount })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('canvass.opinion.topic'),
      key: 'topic',
      width: 260,
      render: (_v, o) =>
        o.classified && o.topicCode ? (
          <Flex wrap gap={4}>
            <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="opinion-topic">
              {topicLabel(names, o.topicCode, o.subtopicCode)}
            </Tag>
            <ScopeTag scope={o.scope} />
          </Flex>
        ) : o.suggestion ? (
          <Flex wrap gap={4} align="center">
            <SuggestionTag suggestion={o.suggestion} names={names} />
            {o.actions.includes('classify') ? (
              <Button
                size="small"
                type="link"
                icon={<CheckOutlined />}
                loading={accept.isPending && accept.variables?.[0] === o.id}
                onClick={() => acceptIds([o.id])}
                data-testid="opinion-accept"
              >
                {t('canvass.suggestion.accept')}
              </Button>
            ) : null}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('canvass.opinion.unclassified')}</Typography.Text>
        ),
    },
    {
      title: t('canvass.opinion.group'),
      key: 'group',
      width: 140,
      render: (_v, o) =>
        o.group && o.group.count > 1 ? (
          <Tooltip title={t('canvass.group.showMembers')}>
            <Tag
              color="purple"
              style={{ cursor: 'pointer', whiteSpace: 'normal' }}
              onClick={() => update({ groupId: o.group!.id })}
              data-testid="opinion-group"
            >
              {o.group.label} ×{o.group.count}
            </Tag>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('canvass.opinion.routing'),
      key: 'routing',
      width: 190,
      render: (_v, o) =>
        o.routedUnit ? (
          <div>
            <div>{o.routedUnit.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.routeKind ? t(`canvass.routeKind.${o.routeKind}`) : ''}
              {o.answerDueOn ? ` · ${t('canvass.opinion.dueOn', { date: o.answerDueOn })}` : ''}
            </Typography.Text>
            {o.caseId ? (
              <div>
                <Link to={`/cases/${o.caseId}`} data-testid="opinion-case-link">
                  {t('canvass.opinion.case', { id: o.caseId })}
                </Link>
              </div>
            ) : null}
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_v, o) => actionButtons(o),
    },
  ];

  const groupOf = state.groupId ? items.find((o) => o.group?.id === state.groupId)?.group : undefined;

  return (
    <Card size="small" title={title} data-testid={inbox ? 'page-canvass-inbox' : 'page-canvass-opinions'}>
      <ListToolbar
        filters={
          <>
            <UrlSearchBox
              value={state.q}
              placeholder={t('canvass.opinion.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              placeholder={t('canvass.drive.pick')}
              value={state.driveId}
              loading={drives.isLoading}
              onChange={(driveId) => update({ driveId: driveId ?? undefined, groupId: undefined })}
              options={(drives.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              data-testid="filter-drive"
            />
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder={t('canvass.opinion.status')}
              value={state.status}
              onChange={(status) => update({ status: status ?? undefined })}
              options={OPINION_STATUSES.filter((s) => !inbox || s !== 'new').map((s) => ({
                value: s,
                label: t(`canvass.opinionStatus.${s}`),
              }))}
              data-testid="filter-status"
            />
            {!inbox ? (
              <>
                <TopicFilterSelect
                  topics={topics.data ?? []}
                  value={state.topicCode}
                  onChange={(topicCode) => update({ topicCode })}
                />
                <Select
                  allowClear
                  style={{ width: 100 }}
                  placeholder={t('canvass.opinion.scope')}
                  value={state.scope}
                  onChange={(scope) => update({ scope: scope ?? undefined })}
                  options={OPINION_SCOPES.map((s) => ({ value: s, label: t(`canvass.scope.${s}`) }))}
                  data-testid="filter-scope"
                />
                <CommunitySelect value={state.communityId} onChange={(communityId) => update({ communityId })} />
                <div style={{ width: 200 }}>
                  <UnitSelect
                    allowClear
                    value={state.routedUnitId ?? null}
                    onChange={(id) => update({ routedUnitId: id ?? undefined })}
                    placeholder={t('canvass.opinion.routedUnit')}
                    style={{ width: 200 }}
                  />
                </div>
                <Checkbox
                  checked={!!state.unclassified}
                  onChange={(e) => update({ unclassified: e.target.checked || undefined })}
                  data-testid="filter-unclassified"
                >
                  {t('canvass.opinion.onlyUnclassified')}
                </Checkbox>
              </>
            ) : null}
            <Checkbox
              checked={!!state.overdue}
              onChange={(e) => update({ overdue: e.target.checked || undefined })}
              data-testid="filter-overdue"
            >
              {t('canvass.opinion.onlyOverdue')}
            </Checkbox>
            {state.groupId ? (
              <Tag closable color="purple" onClose={() => update({ groupId: undefined })} data-testid="filter-group">
                {t('canvass.opinion.groupFilter', { label: groupOf?.label ?? `#${state.groupId}` })}
              </Tag>
            ) : null}
          </>
        }
        actions={
          !inbox ? (
            <Button
              icon={<CheckOutlined />}
              disabled={acceptable.length === 0}
              loading={accept.isPending && (accept.variables?.length ?? 0) > 1}
              onClick={() => acceptIds(acceptable.map((o) => o.id))}
              data-testid="accept-selected"
            >
              {t('canvass.suggestion.acceptSelected', { count: acceptable.length })}
            </Button>
          ) : null
        }
      />
      <Table<Opinion>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1100 }}
        rowSelection={
          inbox
            ? undefined
            : {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (o) => ({ disabled: !o.suggestion || !o.actions.includes('classify') }),
              }
        }
        onRow={(o) => ({
          style: o.overdue ? { background: '#fff1f0' } : undefined,
          'data-testid': 'opinion-row',
          'data-opinion-id': o.id,
          'data-status': o.status,
        })}
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t(inbox ? 'canvass.inbox.empty' : 'canvass.opinion.empty'),
            filtered: t('canvass.opinion.emptyFiltered'),
          }),
        }}
        data-testid="opinions-table"
      />
      {dialog?.action === 'classify' ? (
        <ClassifyModal opinion={dialog.opinion} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.action === 'route' ? <RouteModal opinion={dialog.opinion} onClose={() => setDialog(null)} /> : null}
      {dialog?.action === 'reply' ? <ReplyModal opinion={dialog.opinion} onClose={() => setDialog(null)} /> : null}
      {dialog?.action === 'deliver' ? <DeliverModal opinion={dialog.opinion} onClose={() => setDialog(null)} /> : null}
      <OpinionDrawer
        opinionId={shownId}
        onClose={() => setShownId(null)}
        onAction={(action, opinion) => setDialog({ action, opinion })}
      />
    </Card>
  );
}
