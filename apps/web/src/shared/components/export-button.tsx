// "导出 Excel": GET <list path>/export with the list's current filters, saved as a download.
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile, type QueryParams } from '../../app/api';
import { useT } from '../../app/i18n/locale-provider';
import { showApiError } from '../form-errors';

export interface ExportButtonProps {
  /** The list path, e.g. `/api/units`; `/export` is appended. */
  path: string;
  params: QueryParams;
  fileName: string;
}

export function ExportButton({ path, params, fileName }: ExportButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(`${path}/export`, params, `${fileName}.xlsx`);
    } catch (error) {
      showApiError(error, message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid="export-button">
      {t('common.export')}
    </Button>
  );
}
