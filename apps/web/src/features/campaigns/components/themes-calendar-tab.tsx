// 主题与日历: the monthly themes (每月一主题) of the campaign's period — one row per month, set,
// edited or removed by the office — and a month calendar showing the month's theme, activities
// spanning each day, events, and the ledger instances due that day (open / overdue). Clicking a
// day lists everything on it with links into the ledger.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, Calendar, Card, Col, Empty, Flex, List, Row, Space, Tag, Typography } from 'antd';
import { EditOutlined, FlagOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { DATE_FORMAT, formatDateTime } from '../../../shared/format';
import { useCampaignCalendar, useDeleteTheme } from '../api/campaigns-api';
import type { CampaignDetail, Theme } from '../api/campaign-types';
import { calendarRange, indexCalendar, monthOf, monthsBetween, type DayCell } from '../api/calendar-days';
import { DeleteButton } from './delete-button';
import { ThemeFormModal } from './theme-form-modal';

const ACTIVITY_COLORS = ['#c0392b', '#1677ff', '#389e0d', '#d48806', '#722ed1', '#08979c'];
const localDate = (iso: string) => dayjs(iso).format(DATE_FORMAT);

function startMonth(campaign: CampaignDetail): string {
  const today = dayjs().format(DATE_FORMAT);
  if (today < campaign.startsOn) return monthOf(campaign.startsOn);
  if (today > campaign.endsOn) return monthOf(campaign.endsOn);
  return monthOf(today);
}

export function ThemesCalendarTab({ campaign }: { campaign: CampaignDetail }) {
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={8}>
        <ThemeList campaign={campaign} />
      </Col>
      <Col xs={24} xl={16}>
        <MonthCalendar campaign={campaign} />
      </Col>
    </Row>
  );
}

function ThemeList({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const remove = useDeleteTheme();
  const [editing, setEditing] = useState<Theme | { month: string } | null>(null);
  const canManage = campaign.canManage && campaign.status === 'active';
  const byMonth = useMemo(() => new Map(campaign.themes.map((th) => [th.month, th])), [campaign.themes]);
  const months = monthsBetween(campaign.startsOn, campaign.endsOn);

  return (
    <Card size="small" title={t('campaigns.theme.listTitle')} data-testid="theme-list">
      <List
        size="small"
        dataSource={months}
        renderItem={(month) => {
          const theme = byMonth.get(month);
          return (
            <List.Item
              data-testid="theme-row"
              data-month={month}
              actions={
                canManage
                  ? theme
                    ? [
                        <Button
                          key="edit"
                          size="small"
                          type="link"
                          icon={<EditOutlined />}
                          aria-label={t('common.edit')}
                          onClick={() => setEditing(theme)}
                        />,
                        <DeleteButton
                          key="delete"
                          confirm={t('campaigns.theme.deleteConfirm', { month })}
                          onDelete={() => remove.mutateAsync(theme.id)}
                        />,
                      ]
                    : [
                        <Button
                          key="add"
                          size="small"
                          type="link"
                          icon={<PlusOutlined />}
                          onClick={() => setEditing({ month })}
                          data-testid="theme-add"
                        >
                          {t('campaigns.theme.set')}
                        </Button>,
                      ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Flex gap={8} align="baseline">
                    <Typography.Text
                      type="secondary"
                      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', flex: 'none' }}
                    >
                      {month}
                    </Typography.Text>
                    {theme ? (
                      <Typography.Text strong>{theme.title}</Typography.Text>
                    ) : (
                      <Typography.Text type="secondary">{t('campaigns.theme.none')}</Typography.Text>
                    )}
                  </Flex>
                }
                description={
                  theme?.description ? <span style={{ whiteSpace: 'pre-wrap' }}>{theme.description}</span> : null
                }
              />
            </List.Item>
          );
        }}
      />
      {editing ? <ThemeFormModal campaign={campaign} editing={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

function MonthCalendar({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const [value, setValue] = useState<Dayjs>(() => dayjs(`${startMonth(campaign)}-01`));
  const [selected, setSelected] = useState<string | null>(null);
  const month = value.format('YYYY-MM');
  const range = calendarRange(month);
  const query = useCampaignCalendar(campaign.id, range.from, range.to);
  const index = useMemo(() => (query.data ? indexCalendar(query.data, localDate) : null), [query.data]);
  const colors = useMemo(
    () => new Map(campaign.activities.map((a, i) => [a.id, ACTIVITY_COLORS[i % ACTIVITY_COLORS.length]])),
    [campaign.activities],
  );
  const theme = index?.theme(month) ?? null;
  const ledger = `/campaigns/${campaign.id}/ledger`;

  const cell = (date: Dayjs) => {
    const key = date.format(DATE_FORMAT);
    const day = index?.day(key);
    if (!day) return null;
    const shown = day.activities.slice(0, 2);
    return (
      <div style={{ fontSize: 11, lineHeight: '16px' }} data-testid="calendar-cell" data-date={key}>
        {shown.map((a) => (
          <div
            key={a.id}
            style={{
              background: colors.get(a.id),
              color: '#fff',
              borderRadius: 2,
              padding: '0 3px',
              marginBottom: 1,
              overflow: 'hidden',
              whiteSpace: 'nowrap',
              textOverflow: 'ellipsis',
            }}
          >
            {a.name}
          </div>
        ))}
        {day.activities.length > shown.length ? (
          <div style={{ color: '#8c8c8c' }}>+{day.activities.length - shown.length}</div>
        ) : null}
        {day.events.map((e) => (
          <div key={e.id} style={{ overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
            <FlagOutlined style={{ color: '#d48806' }} /> {e.title}
          </div>
        ))}
        {day.dues ? (
          <div data-testid="calendar-dues">
            <span style={{ color: '#595959' }}>{t('campaigns.calendar.dueShort', { total: day.dues.total })}</span>
            {day.dues.overdue > 0 ? (
              <span style={{ color: '#cf1322', marginInlineStart: 4 }}>
                {t('campaigns.calendar.overdueShort', { count: day.dues.overdue })}
              </span>
            ) : day.dues.open > 0 ? (
              <span style={{ color: '#d46b08', marginInlineStart: 4 }}>
                {t('campaigns.calendar.openShort', { count: day.dues.open })}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
    );
  };

  return (
    <Card
      size="small"
      title={
        <Space size={8} wrap>
          <span>{t('campaigns.calendar.title')}</span>
          {theme ? (
            <Tag color="volcano" data-testid="calendar-theme">
              {t('campaigns.calendar.theme', { title: theme.title })}
            </Tag>
          ) : (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {t('campaigns.calendar.noTheme')}
            </Typography.Text>
          )}
        </Space>
      }
      data-testid="campaign-calendar"
    >
      <Calendar
        value={value}
        onPanelChange={(date) => {
          setValue(date);
          setSelected(null);
        }}
        onSelect={(date, info) => {
          setValue(date);
          if (info.source === 'date') setSelected(date.format(DATE_FORMAT));
        }}
        cellRender={(date, info) => {
          if (info.type === 'date') return cell(date);
          // The year view names each month's theme.
          const monthTheme = info.type === 'month' ? index?.theme(date.format('YYYY-MM')) : null;
          return monthTheme ? (
            <Typography.Text style={{ fontSize: 12 }} data-testid="calendar-month-theme">
              {monthTheme.title}
            </Typography.Text>
          ) : null;
        }}
        validRange={[dayjs(campaign.startsOn).startOf('month'), dayjs(campaign.endsOn).endOf('month')]}
      />
      {selected && index ? (
        <DayDetails date={selected} day={index.day(selected)} ledger={ledger} colors={colors} />
      ) : null}
    </Card>
  );
}

function DayDetails({
  date,
  day,
  ledger,
  colors,
}: {
  date: string;
  day: DayCell;
  ledger: string;
  colors: Map<number, string>;
}) {
  const t = useT();
  const empty = !day.dues && day.events.length === 0 && day.activities.length === 0;
  return (
    <Card size="small" type="inner" title={date} style={{ marginTop: 12 }} data-testid="calendar-day">
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.calendar.nothing')} />
      ) : (
        <Flex vertical gap={8}>
          {day.dues ? (
            <div>
              <Typography.Text strong>{t('campaigns.calendar.dues')}</Typography.Text>{' '}
              <Link to={`${ledger}?dueFrom=${date}&dueTo=${date}`}>
                {t('campaigns.calendar.duesText', {
                  total: day.dues.total,
                  open: day.dues.open,
                  overdue: day.dues.overdue,
                })}
              </Link>
            </div>
          ) : null}
          {day.activities.map((a) => (
            <div key={a.id}>
              <Tag color={colors.get(a.id)}>{t('campaigns.calendar.activity')}</Tag>
              {a.name}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {t('campaigns.periodText', { from: a.startsOn, to: a.endsOn })}
              </Typography.Text>
            </div>
          ))}
          {day.events.map((e) => (
            <div key={e.id}>
              <Tag color="gold">{t(`campaigns.eventKind.${e.kind}`)}</Tag>
              {e.title}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {formatDateTime(e.startsAt)}
                {e.place ? ` · ${e.place}` : ''}
                {e.attendance !== null ? (
                  <>
                    {' · '}
                    <TeamOutlined /> {e.attendance}
                  </>
                ) : null}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
