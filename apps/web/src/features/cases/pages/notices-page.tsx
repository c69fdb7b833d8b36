// 整改通知单: notices issued to units (number, unit, cases, deadline, issued at / by) with the Word
// file, and a new notice for chosen open cases of one unit.
import { useState } from 'react';
import { App, Button, Card, Popover, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { dash, formatDateTime } from '../../../shared/format';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { useListState } from '../../../shared/use-list-state';
import { downloadNotice, useNoticeList, type Notice } from '../api/cases-admin-api';
import { NoticeCreateDrawer } from '../components/notice-create-drawer';
import { UnitPicker } from '../../../shared/components/unit-picker';

export default function NoticesPage() {
  const t = useT();
  const { message } = App.useApp();
  const list = useListState<{ unitId?: number }>({});
  const query = useNoticeList(list.params);
  const [creating, setCreating] = useState(false);
  const [downloading, setDownloading] = useState<number | null>(null);

  const download = async (notice: Notice) => {
    setDownloading(notice.id);
    try {
      await downloadNotice(notice);
    } catch (error) {
      showApiError(error, message);
    } finally {
      setDownloading(null);
    }
  };

  const columns: TableColumnsType<Notice> = [
    {
      title: t('cases.notice.number'),
      dataIndex: 'number',
      width: 200,
      render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
    },
    { title: t('cases.notice.unit'), dataIndex: 'unitName', ellipsis: true },
    {
      title: t('cases.notice.caseCount'),
      dataIndex: 'caseIds',
      width: 90,
      align: 'center',
      render: (ids: number[]) => (
        <Popover
          title={t('cases.notice.caseList')}
          content={
            <Space orientation="vertical" size={2}>
              {ids.map((id) => (
                <Link key={id} to={`/cases/${id}`}>
                  {t('cases.notice.caseRef', { id })}
                </Link>
              ))}
            </Space>
          }
        >
          <Typography.Link>{ids.length}</Typography.Link>
        </Popover>
      ),
    },
    { title: t('cases.notice.deadline'), dataIndex: 'deadlineAt', width: 140, render: formatDateTime },
    { title: t('cases.notice.issuedAt'), dataIndex: 'issuedAt', width: 140, render: formatDateTime },
    { title: t('cases.notice.issuedBy'), dataIndex: 'issuedByName', width: 130, ellipsis: true, render: dash },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_v, n) => (
        <Button
          type="link"
          size="small"
          icon={<DownloadOutlined />}
          loading={downloading === n.id}
          onClick={() => void download(n)}
          data-testid="notice-download"
        >
          {t('cases.notice.download')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small" title={t('menu.caseNotices')} data-testid="page-case-notices">
      <ListToolbar
        filters={
          <UnitPicker
            style={{ width: 220 }}
            placeholder={t('cases.notice.unit')}
            value={list.filters.unitId}
            onChange={(v) => list.setFilter('unitId', v ?? undefined)}
          />
        }
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-button">
            {t('cases.notice.create')}
          </Button>
        }
      />
      <Table<Notice>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 980 }}
        locale={{ emptyText: query.isError ? query.error.message : t('cases.notice.empty') }}
      />
      {creating ? <NoticeCreateDrawer onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
