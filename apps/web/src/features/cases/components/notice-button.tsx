// "下发整改通知单" for one case: issues a 限期整改通知单 to the case's unit (deadline = the case's
// deadline) and downloads the Word file.
import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import type { CaseDetail } from '../../../shared/cases/cases-api';
import { downloadNotice, useCreateNotice } from '../api/cases-admin-api';

export function NoticeButton({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateNotice();
  const [downloading, setDownloading] = useState(false);

  const issue = async () => {
    try {
      const notice = await create.mutateAsync({ caseIds: [detail.id] });
      void message.success(t('cases.notice.issued', { number: notice.number }));
      setDownloading(true);
      await downloadNotice(notice);
    } catch (error) {
      showApiError(error, message);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Popconfirm
      title={t('cases.notice.confirmOne', { unit: detail.unitName ?? '—' })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={issue}
    >
      <Button icon={<FileWordOutlined />} loading={create.isPending || downloading} data-testid="notice-button">
        {t('cases.notice.issueOne')}
      </Button>
    </Popconfirm>
  );
}
