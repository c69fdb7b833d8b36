// 志愿服务排行 (/volunteer/rankings): members, party organisations or units ranked by confirmed
// hours, attended activities or 五个一 items done over a period (this year so far by default) —
// a bar chart of the top 20 (ECharts, lazy) and the table; the office draws up a commendation
// list from the ranking shown (title and top N) and goes on to the lists. Subject, basis, period
// and the table's page live in the URL.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Skeleton,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { DATE_FORMAT } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import { listEmptyText } from '../../../shared/list-empty';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { RANKING_CODEC } from '../api/list-params';
import {
  RANKING_BASES,
  RANKING_SUBJECTS,
  type RankingBasis,
  type RankingRow,
  type RankingSubject,
} from '../api/volunteer-types';
import { useCreateCommendation, useRankings } from '../api/volunteers-api';

const TopBarsChart = lazy(() => import('../components/top-bars-chart'));

const LIMIT = 100;

export default function RankingsPage() {
  const t = useT();
  const { state, update } = useUrlListState(RANKING_CODEC);
  const { subject, basis } = state;
  const [drawing, setDrawing] = useState(false);
  // No period in the URL: this year so far.
  const from = state.from ?? dayjs().startOf('year').format(DATE_FORMAT);
  const to = state.to ?? dayjs().format(DATE_FORMAT);
  const query = useRankings({ subject, basis, from, to, limit: LIMIT });
  const rows = query.data?.items;

  const valueText = useCallback((v: number) => (basis === 'hours' ? v.toFixed(1) : String(v)), [basis]);
  const bars = useMemo(
    () =>
      (rows ?? []).slice(0, 20).map((r) => ({
        label: r.name,
        value: r.value,
        title: `${r.rank}. ${r.name}`,
        detail: `${t(`volunteers.recognition.basis.${basis}`)}：${valueText(r.value)} ${t(`volunteers.recognition.unit.${basis}`)}`,
      })),
    [rows, basis, valueText, t],
  );
  const columns: TableColumnsType<RankingRow> = [
    { title: t('volunteers.recognition.rank'), dataIndex: 'rank', width: 80, align: 'right' },
    { title: t('volunteers.recognition.name'), dataIndex: 'name', ellipsis: true },
    {
      title: `${t(`volunteers.recognition.basis.${basis}`)}（${t(`volunteers.recognition.unit.${basis}`)}）`,
      dataIndex: 'value',
      width: 160,
      align: 'right',
      render: (v: number) => valueText(v),
    },
    ...(subject === 'member'
      ? []
      : [{ title: t('volunteers.recognition.members'), dataIndex: 'members', width: 100, align: 'right' as const }]),
  ];

  return (
    <Card size="small" title={t('volunteers.rankings.title')} data-testid="page-volunteer-rankings">
      <ListToolbar
        filters={
          <>
            <Segmented<RankingSubject>
              value={subject}
              onChange={(v) => update({ subject: v })}
              options={RANKING_SUBJECTS.map((s) => ({ value: s, label: t(`volunteers.recognition.subject.${s}`) }))}
              data-testid="ranking-subject"
            />
            <Segmented<RankingBasis>
              value={basis}
              onChange={(v) => update({ basis: v })}
              options={RANKING_BASES.map((b) => ({ value: b, label: t(`volunteers.recognition.basis.${b}`) }))}
              data-testid="ranking-basis"
            />
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              value={[dayjs(from), dayjs(to)]}
              allowClear={false}
              placeholder={[t('volunteers.recognition.period'), t('volunteers.recognition.period')]}
              onChange={(dates) => {
                if (dates?.[0] && dates[1]) {
                  update({ from: dates[0].format(DATE_FORMAT), to: dates[1].format(DATE_FORMAT) });
                }
              }}
              data-testid="ranking-range"
            />
          </>
        }
        actions={
          <Button
            type="primary"
            icon={<TrophyOutlined />}
            disabled={!rows || rows.length === 0}
            onClick={() => setDrawing(true)}
            data-testid="ranking-draw"
          >
            {t('volunteers.rankings.draw')}
          </Button>
        }
      />
      {rows && rows.length > 0 ? (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
          <Typography.Text strong>
            {t('volunteers.rankings.chart', { count: Math.min(20, rows.length) })}
          </Typography.Text>
          <TopBarsChart bars={bars} valueText={valueText} testId="ranking-chart" />
        </Suspense>
      ) : null}
      <Table<RankingRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={query.isFetching}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          size: 'small',
          showTotal: (n) => t('list.total', { total: n }),
          onChange: (page, pageSize) => update({ page: pageSize !== state.pageSize ? 1 : page, pageSize }, true),
        }}
        scroll={{ x: 600 }}
        locale={{ emptyText: listEmptyText(query, false, { empty: t('volunteers.rankings.empty'), filtered: '' }) }}
        data-testid="ranking-table"
      />
      {drawing ? (
        <DrawModal
          subject={subject}
          basis={basis}
          from={from}
          to={to}
          max={rows?.length ?? 1}
          onClose={() => setDrawing(false)}
        />
      ) : null}
    </Card>
  );
}

interface DrawValues {
  title: string;
  top: number;
}

function DrawModal({
  subject,
  basis,
  from,
  to,
  max,
  onClose,
}: {
  subject: RankingSubject;
  basis: RankingBasis;
  from: string;
  to: string;
  max: number;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DrawValues>();
  const create = useCreateCommendation();

  const submit = (values: DrawValues) => {
    create.mutate(
      { title: values.title.trim(), subject, basis, from, to, top: values.top },
      {
        onSuccess: (list) => {
          void message.success(t('volunteers.rankings.drawn'));
          onClose();
          void navigate(`/volunteer/commendations/${list.id}`);
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('volunteers.rankings.drawTitle')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: create.isPending }}
      data-testid="ranking-draw-modal"
    >
      <Typography.Paragraph type="secondary">
        {t('volunteers.rankings.drawHint', {
          subject: t(`volunteers.recognition.subject.${subject}`),
          basis: t(`volunteers.recognition.basis.${basis}`),
          from,
          to,
        })}
      </Typography.Paragraph>
      <Form<DrawValues> form={form} layout="vertical" initialValues={{ top: Math.min(10, max) }} onFinish={submit}>
        <Form.Item
          name="title"
          label={t('volunteers.rankings.listTitle')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} data-testid="draw-title" />
        </Form.Item>
        <Form.Item name="top" label={t('volunteers.rankings.top')} rules={[{ required: true }]}>
          <InputNumber min={1} max={500} precision={0} style={{ width: 160 }} data-testid="draw-top" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
