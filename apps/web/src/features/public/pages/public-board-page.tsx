// 曝光台: the city's public board of exposed problems (still being fixed) and fixed ones (before /
// after photos). Only what the office chose to publish; no personal data. Tab and page live in the
// address (?state=fixed&page=2), so a shared link opens the same list.
import { useSearchParams, useParams } from 'react-router';
import { Button, Card, Empty, Flex, Image, Pagination, Result, Segmented, Skeleton, Tag, Typography } from 'antd';
import { ApartmentOutlined, CalendarOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDate } from '../../../shared/format';
import { isCityCode, usePublicBoard, usePublicCity, type BoardItem, type BoardState } from '../api/public-api';
import { PublicShell } from '../components/public-shell';

const PAGE_SIZE = 10;

function PhotoStrip({ label, urls, tone }: { label: string; urls: string[]; tone: 'before' | 'after' }) {
  const t = useT();
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Tag color={tone === 'before' ? 'red' : 'green'} style={{ marginBottom: 4 }}>
        {label}
      </Tag>
      {urls.length === 0 ? (
        <div
          style={{
            height: 120,
            borderRadius: 6,
            background: '#fafafa',
            border: '1px dashed #e8e8e8',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#bfbfbf',
            fontSize: 12,
          }}
        >
          {t('public.board.noPhoto')}
        </div>
      ) : (
        <Flex gap={4}>
          {urls.slice(0, 3).map((url, i) => (
            <div key={url} style={{ flex: 1, minWidth: 0 }}>
              <Image
                src={url}
                alt={`${label} ${i + 1}`}
                width="100%"
                height={120}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                data-testid={`board-photo-${tone}`}
              />
            </div>
          ))}
        </Flex>
      )}
    </div>
  );
}

function BoardCard({ item, state }: { item: BoardItem; state: BoardState }) {
  const t = useT();
  const fixed = item.status === 'closed';
  return (
    <Card size="small" data-testid="board-item" styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
          {item.categoryName}
        </Typography.Text>
        <Tag color={fixed ? 'green' : 'orange'} style={{ marginInlineEnd: 0, flex: 'none' }}>
          {fixed ? t('public.board.fixedTag') : t('public.board.exposedTag')}
        </Tag>
      </Flex>
      <Image.PreviewGroup>
        <Flex gap={8} style={{ marginBottom: 8 }}>
          <PhotoStrip label={t('public.board.before')} urls={item.beforePhotos} tone="before" />
          {state === 'fixed' || item.afterPhotos.length > 0 ? (
            <PhotoStrip label={t('public.board.after')} urls={item.afterPhotos} tone="after" />
          ) : null}
        </Flex>
      </Image.PreviewGroup>
      <Typography.Paragraph
        ellipsis={{
          rows: 3,
          expandable: 'collapsible',
          symbol: (expanded) => (expanded ? t('public.board.less') : t('public.board.more')),
        }}
        style={{ marginBottom: 6, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      >
        {item.description}
      </Typography.Paragraph>
      <Flex vertical gap={2} style={{ fontSize: 13, color: '#595959' }}>
        {item.address ? (
          <span>
            <EnvironmentOutlined /> {item.address}
          </span>
        ) : null}
        {item.regionName ? (
          <span>
            <ApartmentOutlined /> {t('public.board.area', { name: item.regionName })}
          </span>
        ) : null}
        {item.unitName ? (
          <span>
            <TeamOutlined /> {t('public.board.unit', { name: item.unitName })}
          </span>
        ) : null}
        <span>
          <CalendarOutlined /> {t('public.board.reportedOn', { date: formatDate(item.createdAt) })}
          {item.closedAt ? ` · ${t('public.board.fixedOn', { date: formatDate(item.closedAt) })}` : ''}
        </span>
        <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t('public.board.code', { code: item.code })}</span>
      </Flex>
    </Card>
  );
}

export default function PublicBoardPage() {
  const t = useT();
  const { code = '' } = useParams();
  const validCode = isCityCode(code);
  const [search, setSearch] = useSearchParams();
  const state: BoardState = search.get('state') === 'fixed' ? 'fixed' : 'exposed';
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const city = usePublicCity(code);
  const board = usePublicBoard(code, state, page, PAGE_SIZE, validCode);

  const go = (next: { state?: BoardState; page?: number }) => {
    const params = new URLSearchParams(search);
    const nextState = next.state ?? state;
    const nextPage = next.page ?? 1;
    if (nextState === 'fixed') params.set('state', 'fixed');
    else params.delete('state');
    if (nextPage > 1) params.set('page', String(nextPage));
    else params.delete('page');
    setSearch(params);
    window.scrollTo({ top: 0 });
  };

  let list;
  const notFound =
    !validCode ||
    (city.isError && isApiError(city.error) && city.error.status === 404) ||
    (board.isError && isApiError(board.error) && board.error.status === 404);
  if (notFound) {
    list = <Result status="404" title={t('public.cityNotFound')} subTitle={t('public.cityNotFoundHint')} />;
  } else if (board.isError && !board.data) {
    list = (
      <Result
        status="warning"
        title={t('public.loadFailed')}
        subTitle={board.error.message}
        extra={
          <Button type="primary" size="large" onClick={() => void board.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (!board.data) {
    list = <Skeleton active paragraph={{ rows: 10 }} />;
  } else if (board.data.items.length === 0) {
    list = (
      <Card>
        <Empty description={state === 'fixed' ? t('public.board.emptyFixed') : t('public.board.emptyExposed')} />
      </Card>
    );
  } else {
    list = (
      <Flex vertical gap={12} style={{ opacity: board.isPlaceholderData ? 0.6 : 1 }}>
        {board.data.items.map((item) => (
          <BoardCard key={item.id} item={item} state={state} />
        ))}
        <Flex justify="center">
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={board.data.total}
            simple
            showSizeChanger={false}
            onChange={(p) => go({ page: p })}
          />
        </Flex>
      </Flex>
    );
  }

  return (
    <PublicShell
      cityName={city.data?.name}
      cityCode={validCode ? code : null}
      title={t('public.board.title')}
      testId="page-public-board"
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('public.board.intro')}
        </Typography.Paragraph>
        <Segmented<BoardState>
          block
          size="large"
          value={state}
          onChange={(v) => go({ state: v })}
          options={[
            { value: 'exposed', label: <span data-testid="board-tab-exposed">{t('public.board.exposed')}</span> },
            { value: 'fixed', label: <span data-testid="board-tab-fixed">{t('public.board.fixed')}</span> },
          ]}
        />
        {board.data && !notFound ? (
          <Typography.Text type="secondary" data-testid="board-total">
            {t('public.board.total', { total: board.data.total })}
          </Typography.Text>
        ) : null}
        {list}
      </Flex>
    </PublicShell>
  );
}
