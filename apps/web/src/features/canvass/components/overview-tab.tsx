// A drive's 概览: the coverage and visit figures, the opinions by stage (each opening the
// workbench filtered), the milestones of the seed's plan (kick-off by, forms in by, answer within,
// escalate every) and the materials; and the late assignments. Also the 意见建议 tab: the same
// counts with links into the workbench and the groups.
import { Link } from 'react-router';
import { Card, Col, Descriptions, Empty, Flex, Row, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { useAssignments } from '../api/canvass-api';
import { percentText } from '../api/canvass-format';
import type { Assignment, DriveDetail, OpinionCounts } from '../api/canvass-types';
import { CoverageBar, LateTag } from './canvass-tags';

type CountKey = keyof OpinionCounts;

/** Each count and the workbench filter that lists it. */
const COUNT_LINKS: { key: CountKey; query: string; color?: string }[] = [
  { key: 'total', query: '' },
  { key: 'new', query: '&status=new', color: '#1677ff' },
  { key: 'awaitingReply', query: '&status=routed', color: '#fa8c16' },
  { key: 'awaitingDelivery', query: '&status=answered', color: '#13c2c2' },
  { key: 'delivered', query: '&status=delivered', color: '#389e0d' },
  { key: 'overdue', query: '&overdue=true', color: '#cf1322' },
];

function OpinionCountCards({ drive }: { drive: DriveDetail }) {
  const t = useT();
  return (
    <Row gutter={[12, 12]}>
      {COUNT_LINKS.map(({ key, query, color }) => (
        <Col key={key} xs={12} sm={8} lg={4}>
          <Link to={`/canvass/opinions?driveId=${drive.id}${query}`} data-testid={`count-${key}`}>
            <Card size="small" hoverable>
              <Statistic
                title={t(`canvass.counts.${key}`)}
                value={drive.opinions[key]}
                styles={{ content: color && drive.opinions[key] > 0 ? { color } : undefined }}
              />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

export function OverviewTab({ drive }: { drive: DriveDetail }) {
  const t = useT();
  const late = useAssignments(drive.id, { late: true, page: 1, pageSize: 10 });
  const p = drive.progress;

  const lateColumns: TableColumnsType<Assignment> = [
    { title: t('canvass.assignment.unit'), key: 'unit', render: (_v, a) => a.unit.name },
    { title: t('canvass.assignment.community'), key: 'community', render: (_v, a) => a.community.name },
    {
      title: t('canvass.assignment.kickoff'),
      dataIndex: 'kickedOffOn',
      width: 120,
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('canvass.drive.coverage'),
      key: 'progress',
      width: 190,
      render: (_v, a) => <CoverageBar progress={a.progress} />,
    },
    { title: t('canvass.late.flag'), key: 'late', width: 90, render: (_v, a) => <LateTag reasons={a.lateReasons} /> },
  ];

  return (
    <Flex vertical gap={12} data-testid="drive-overview">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('canvass.progress.visitedHouseholds')}
              value={p.visitedHouseholds}
              suffix={`/ ${p.targetHouseholds}`}
            />
            <span data-testid="overview-visited" data-value={p.visitedHouseholds} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('canvass.progress.rate')} value={percentText(p.rate)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('canvass.progress.visits')} value={p.visits} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('canvass.drive.lateUnits')}
              value={drive.lateUnitCount}
              suffix={`/ ${drive.unitCount}`}
              styles={{ content: drive.lateUnitCount > 0 ? { color: '#cf1322' } : undefined }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('canvass.drive.opinions')}>
        <OpinionCountCards drive={drive} />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('canvass.drive.milestones')} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'period',
                  label: t('canvass.drive.period'),
                  children: t('canvass.drive.periodText', { from: drive.startsOn, to: drive.endsOn }),
                },
                { key: 'kickoff', label: t('canvass.drive.kickoffDue'), children: drive.kickoffDueOn ?? '—' },
                { key: 'records', label: t('canvass.drive.recordsDue'), children: drive.recordsDueOn ?? '—' },
                {
                  key: 'answer',
                  label: t('canvass.drive.answerDays'),
                  children: t('canvass.drive.daysText', { days: drive.answerDays }),
                },
                {
                  key: 'escalate',
                  label: t('canvass.drive.escalateDays'),
                  children: t('canvass.drive.daysText', { days: drive.escalateEveryDays }),
                },
                {
                  key: 'assigned',
                  label: t('canvass.drive.assigned'),
                  children: t('canvass.drive.assignedText', {
                    units: drive.unitCount,
                    communities: drive.communityCount,
                  }),
                },
                {
                  key: 'materials',
                  label: t('canvass.drive.materials'),
                  children:
                    drive.materials.length > 0 ? (
                      <Flex wrap gap={4}>
                        {drive.materials.map((m) => (
                          <Tag key={m} style={{ marginInlineEnd: 0 }}>
                            {m}
                          </Tag>
                        ))}
                      </Flex>
                    ) : (
                      t('common.none')
                    ),
                },
              ]}
            />
            {drive.description ? (
              <div style={{ whiteSpace: 'pre-wrap', color: '#595959', marginTop: 8 }}>{drive.description}</div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t('canvass.drive.lateAssignments')}
            extra={<Link to={`/canvass/drives/${drive.id}/assignments?late=true`}>{t('canvass.drive.allLate')}</Link>}
            style={{ height: '100%' }}
          >
            {late.data && late.data.total === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('canvass.drive.noLate')} />
            ) : (
              <Table<Assignment>
                rowKey="id"
                size="small"
                columns={lateColumns}
                dataSource={late.data?.items}
                loading={late.isFetching}
                pagination={false}
                scroll={{ x: 640 }}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

export function DriveOpinionsTab({ drive }: { drive: DriveDetail }) {
  const t = useT();
  return (
    <Card
      size="small"
      title={t('canvass.drive.opinions')}
      extra={
        <Flex gap={12}>
          <Link to={`/canvass/opinions?driveId=${drive.id}`} data-testid="drive-open-workbench">
            {t('canvass.drive.openWorkbench')}
          </Link>
          <Link to={`/canvass/groups?driveId=${drive.id}`}>{t('canvass.drive.openGroups')}</Link>
        </Flex>
      }
    >
      <OpinionCountCards drive={drive} />
    </Card>
  );
}
