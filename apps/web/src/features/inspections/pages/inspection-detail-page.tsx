// One inspection on the desktop: the site, round (or the case a re-inspection checks), inspector,
// phase whose thresholds applied, status and score; per checklist item the rule, the verdict with
// the value seen in words, points earned, the note, its photos (those taken far from the site
// flagged with the distance) and the case a failure became. An inspection still to do links to
// the phone page where it is carried out.
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Image,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ArrowLeftOutlined, MobileOutlined, WarningOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { fileUrl } from '../../../shared/cases/cases-api';
import { RecordPage } from '../../../shared/components/page-states';
import { dash, formatDateTime } from '../../../shared/format';
import { routeId } from '../../../shared/url-params';
import { useInspection } from '../api/rounds-api';
import type { InspectionDetail, InspectionItem, InspectionPhoto } from '../api/inspection-types';
import { InspectionStatusTag, OutcomeTag, PhaseTag, ScoreText } from '../components/inspection-tags';
import { distanceLabel } from '../api/distance-label';

export default function InspectionDetailPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useInspection(id);
  return (
    <RecordPage
      id={id}
      query={query}
      testId="page-inspection"
      notFoundTitle={t('inspections.inspection.notFound')}
      backTo="/inspection-rounds"
      backText={t('inspections.round.backToList')}
    >
      {(detail) => <InspectionView detail={detail} />}
    </RecordPage>
  );
}

export function PhotoTiles({ photos, size = 64 }: { photos: InspectionPhoto[]; size?: number }) {
  const t = useT();
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={6}>
        {photos.map((p) => (
          <div key={p.fileId} style={{ position: 'relative' }} data-testid="inspection-photo" data-far={p.far}>
            <Image
              src={fileUrl(p.fileId)}
              width={size}
              height={size}
              alt=""
              style={{
                objectFit: 'cover',
                borderRadius: 4,
                border: p.far ? '2px solid #cf1322' : '1px solid #f0f0f0',
              }}
            />
            <Tooltip
              title={
                <span>
                  {p.takenAt ? formatDateTime(p.takenAt) : t('inspections.photo.noTime')}
                  <br />
                  {p.distanceM !== null
                    ? t('inspections.photo.distance', { distance: distanceLabel(t, p.distanceM) })
                    : t('inspections.photo.noGps')}
                </span>
              }
            >
              {p.far ? (
                <Tag
                  color="red"
                  icon={<WarningOutlined />}
                  style={{ position: 'absolute', left: 2, bottom: 2, margin: 0, fontSize: 11, lineHeight: '16px' }}
                  data-testid="photo-far"
                >
                  {t('inspections.photo.far')}
                </Tag>
              ) : (
                <span style={{ position: 'absolute', inset: 0 }} />
              )}
            </Tooltip>
          </div>
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

function InspectionView({ detail }: { detail: InspectionDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const submitted = detail.status === 'submitted';
  const photosOf = (itemId: number | null) => detail.photos.filter((p) => p.itemId === itemId);
  const far = detail.photos.filter((p) => p.far).length;

  const columns: TableColumnsType<InspectionItem> = [
    {
      title: t('inspections.checklist.title'),
      dataIndex: 'title',
      render: (title: string, item) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.ruleText}
          </Typography.Text>
          {item.standardCode ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.standardCode} {item.standardName}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('inspections.inspection.verdict'),
      key: 'verdict',
      width: 320,
      render: (_v, item) =>
        item.result ? (
          <Space orientation="vertical" size={2} data-testid="item-result" data-outcome={item.result.outcome}>
            <OutcomeTag outcome={item.result.outcome} />
            <Typography.Text>{item.result.text}</Typography.Text>
            {item.result.note ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inspections.inspection.note')}: {item.result.note}
              </Typography.Text>
            ) : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('inspections.inspection.points'),
      key: 'points',
      width: 90,
      align: 'right',
      render: (_v, item) => (item.result ? `${item.result.earned}/${item.result.points}` : item.points),
    },
    {
      title: t('inspections.inspection.photos'),
      key: 'photos',
      width: 220,
      render: (_v, item) => <PhotoTiles photos={photosOf(item.id)} />,
    },
    {
      title: t('inspections.inspection.case'),
      key: 'case',
      width: 100,
      render: (_v, item) =>
        item.result?.caseId ? (
          <Link to={`/cases/${item.result.caseId}`} data-testid="item-case-link" data-case-id={item.result.caseId}>
            {t('inspections.inspection.caseLink', { id: item.result.caseId })}
          </Link>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <div data-testid="page-inspection" data-status={detail.status}>
      <Card size="small">
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Space orientation="vertical" size={4}>
            <Button
              type="link"
              size="small"
              icon={<ArrowLeftOutlined />}
              style={{ paddingInline: 0 }}
              onClick={() =>
                window.history.length > 1
                  ? void navigate(-1)
                  : void navigate(
                      detail.roundId ? `/inspection-rounds/${detail.roundId}/inspections` : '/inspection-rounds',
                    )
              }
            >
              {t('common.back')}
            </Button>
            <Space size={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                <Link to={`/sites/${detail.site.id}`}>{detail.site.name}</Link>
              </Typography.Title>
              <Tag color="blue">{detail.site.typeName}</Tag>
              <InspectionStatusTag status={detail.status} />
              <PhaseTag phase={detail.phase} />
            </Space>
          </Space>
          {submitted ? (
            <Space orientation="vertical" size={0} align="end">
              <Typography.Text type="secondary">{t('inspections.inspection.score')}</Typography.Text>
              <span style={{ fontSize: 28 }}>
                <ScoreText score={detail.score} strong />
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inspections.inspection.earnedOf', {
                  earned: detail.earned ?? 0,
                  applicable: detail.applicable ?? 0,
                })}
              </Typography.Text>
            </Space>
          ) : detail.canPerform ? (
            <Link to={`/m/inspections/${detail.id}`}>
              <Button type="primary" icon={<MobileOutlined />}>
                {t('inspections.inspection.performOnPhone')}
              </Button>
            </Link>
          ) : null}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'round',
              label: t('inspections.inspection.round'),
              children:
                detail.kind === 'recheck' ? (
                  <Space size={4}>
                    <Tag color="purple">{t('inspections.kind.recheck')}</Tag>
                    {detail.originCaseId ? (
                      <Link to={`/cases/${detail.originCaseId}`}>
                        {t('inspections.inspection.caseLink', { id: detail.originCaseId })}
                      </Link>
                    ) : null}
                  </Space>
                ) : detail.roundId ? (
                  <Link to={`/inspection-rounds/${detail.roundId}`}>{detail.roundName}</Link>
                ) : (
                  '—'
                ),
            },
            { key: 'address', label: t('inspections.site.address'), children: dash(detail.site.address) },
            { key: 'unit', label: t('inspections.site.unit'), children: dash(detail.unitName) },
            { key: 'region', label: t('inspections.site.region'), children: dash(detail.regionName) },
            { key: 'inspector', label: t('inspections.inspection.inspector'), children: dash(detail.inspector?.name) },
            {
              key: 'submittedAt',
              label: t('inspections.inspection.submittedAt'),
              children: formatDateTime(detail.submittedAt),
            },
          ]}
        />
      </Card>
      {far > 0 ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('inspections.photo.farSummary', { count: far })}
          data-testid="far-photos-alert"
        />
      ) : null}
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={
          submitted
            ? t('inspections.inspection.itemsScored', { count: detail.items.length, failed: detail.failed ?? 0 })
            : t('inspections.inspection.itemsToCheck', { count: detail.items.length })
        }
        extra={
          detail.caseIds.length > 0 ? (
            <Space size={6} wrap data-testid="inspection-cases">
              {t('inspections.inspection.cases')}
              {detail.caseIds.map((id) => (
                <Link key={id} to={`/cases/${id}`}>
                  #{id}
                </Link>
              ))}
            </Space>
          ) : null
        }
      >
        <Table<InspectionItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={detail.items}
          pagination={false}
          scroll={{ x: 1000 }}
          data-testid="inspection-items"
        />
        {photosOf(null).length > 0 ? (
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('inspections.inspection.otherPhotos')}</Typography.Text>
            <PhotoTiles photos={photosOf(null)} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
