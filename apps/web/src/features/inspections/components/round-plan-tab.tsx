// 抽样与分派 of a round: the draw (sites per type, the criteria, the seed — copyable, and "复用种
// 子" to plan a round that reproduces it), the inspectors with what each was given and has done,
// and, for the office while the round is not closed, assigning the unassigned sites to chosen
// inspectors (the server shares them out, neighbouring sites to the same inspector).
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Progress, Row, Select, Table, Tag, Typography } from 'antd';
import { RedoOutlined, TeamOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { useSiteTypes } from '../api/inspections-api';
import { useAssignInspectors, useInspectors } from '../api/rounds-api';
import type { RoundDetail } from '../api/inspection-types';
import { RoundFormDrawer } from './round-form-drawer';

/** Picks inspectors from the users who may inspect. */
export function InspectorSelect({
  value,
  onChange,
  testId,
}: {
  value: number[];
  onChange: (ids: number[]) => void;
  testId: string;
}) {
  const t = useT();
  const inspectors = useInspectors();
  return (
    <Select<number[]>
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={inspectors.isLoading}
      placeholder={t('inspections.round.pickInspectors')}
      value={value}
      onChange={onChange}
      options={(inspectors.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
      style={{ minWidth: 260, flex: 1 }}
      maxCount={200}
      data-testid={testId}
    />
  );
}

export function RoundPlanTab({ round }: { round: RoundDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const types = useSiteTypes();
  const assign = useAssignInspectors(round.id);
  const [chosen, setChosen] = useState<number[]>([]);
  const [reusing, setReusing] = useState(false);
  const typeName = (code: string) => types.data?.find((x) => x.code === code)?.name ?? code;
  const canAssign = round.canManage && round.status !== 'closed';

  const run = () =>
    assign.mutate(
      { inspectorIds: chosen },
      {
        onSuccess: (next) => {
          void message.success(t('inspections.round.assigned', { count: round.unassigned - next.unassigned }));
          setChosen([]);
        },
        onError: (error) => showApiError(error, message),
      },
    );

  return (
    <Flex vertical gap={12} data-testid="round-plan">
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t('inspections.round.drawTitle')}
            extra={
              round.canManage ? (
                <Button
                  size="small"
                  icon={<RedoOutlined />}
                  onClick={() => setReusing(true)}
                  data-testid="round-reuse-seed"
                >
                  {t('inspections.round.reuseSeed')}
                </Button>
              ) : null
            }
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'seed',
                  label: t('inspections.round.seed'),
                  children: (
                    <Typography.Text copyable code data-testid="round-seed-value">
                      {round.drawSeed}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'types',
                  label: t('inspections.round.types'),
                  children: (
                    <Flex wrap gap={4}>
                      {round.criteria.typeCodes.map((c) => (
                        <Tag key={c} style={{ marginInlineEnd: 0 }}>
                          {typeName(c)}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
                {
                  key: 'perType',
                  label: t('inspections.round.perType'),
                  children: round.criteria.perType ?? t('inspections.round.everySite'),
                },
                {
                  key: 'regions',
                  label: t('inspections.round.regions'),
                  children: round.criteria.regionIds?.length
                    ? t('inspections.round.regionCount', { count: round.criteria.regionIds.length })
                    : t('inspections.round.wholeRegion'),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
              {t('inspections.round.seedExplain')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('inspections.round.byType', { total: round.total })}>
            <Table
              rowKey="typeCode"
              size="small"
              pagination={false}
              dataSource={round.byType}
              columns={[
                { title: t('inspections.site.type'), dataIndex: 'typeName' },
                { title: t('inspections.round.drawn'), dataIndex: 'total', width: 100, align: 'right' },
              ]}
              data-testid="round-by-type"
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('inspections.round.inspectors')}>
        {canAssign ? (
          <Flex vertical gap={8} style={{ marginBottom: 12 }}>
            {round.unassigned > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('inspections.round.unassignedCount', { count: round.unassigned })}
                data-testid="round-unassigned"
              />
            ) : null}
            <Flex gap={8} wrap>
              <InspectorSelect value={chosen} onChange={setChosen} testId="assign-inspectors" />
              <Button
                type="primary"
                icon={<TeamOutlined />}
                disabled={chosen.length === 0 || round.unassigned === 0}
                loading={assign.isPending}
                onClick={run}
                data-testid="assign-submit"
              >
                {t('inspections.round.assignUnassigned', { count: round.unassigned })}
              </Button>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspections.round.assignHint')}
            </Typography.Text>
          </Flex>
        ) : null}
        <Table
          rowKey="userId"
          size="small"
          pagination={false}
          dataSource={round.inspectors}
          locale={{ emptyText: t('inspections.round.noInspectors') }}
          columns={[
            {
              title: t('inspections.inspection.inspector'),
              dataIndex: 'name',
              render: (name: string, row) => (
                <Typography.Link
                  onClick={() => void navigate(`/inspection-rounds/${round.id}/inspections?inspectorId=${row.userId}`)}
                  data-testid="round-inspector"
                >
                  {name}
                </Typography.Link>
              ),
            },
            { title: t('inspections.round.assignedCount'), dataIndex: 'assigned', width: 100, align: 'right' },
            { title: t('inspections.round.submittedCount'), dataIndex: 'submitted', width: 100, align: 'right' },
            {
              title: t('inspections.round.progress'),
              key: 'progress',
              width: 200,
              render: (_v, row) => (
                <Progress
                  size="small"
                  percent={row.assigned > 0 ? Math.round((row.submitted / row.assigned) * 100) : 0}
                  format={() => `${row.submitted}/${row.assigned}`}
                />
              ),
            },
          ]}
          data-testid="round-inspectors"
        />
      </Card>
      {reusing ? (
        <RoundFormDrawer
          template={{
            name: round.name,
            campaign: round.campaignId ? { id: round.campaignId, name: round.campaignName ?? '' } : null,
            criteria: round.criteria,
            seed: round.drawSeed,
            startsOn: round.startsOn,
            endsOn: round.endsOn,
          }}
          onClose={() => setReusing(false)}
          onCreated={(created) => void navigate(`/inspection-rounds/${created.id}`)}
        />
      ) : null}
    </Flex>
  );
}
