// "导入 Excel": template download, .xlsx upload, and either the counts or the row-by-row rejection
// report (422 IMPORT_REJECTED — nothing was saved).
import { useRef, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { apiUpload, downloadFile, isApiError, type ImportRowError } from '../../app/api';
import { useT } from '../../app/i18n/locale-provider';
import { showApiError } from '../form-errors';

export type ImportKind = 'regions' | 'units' | 'people';

type Outcome =
  | { kind: 'ok'; inserted: number; updated: number; fileName: string }
  | { kind: 'rejected'; message: string; errors: ImportRowError[]; fileName: string }
  | { kind: 'failed'; message: string; fileName: string };

const MAX_BYTES = 20 * 1024 * 1024;

export function ImportButton({ kind, onImported }: { kind: ImportKind; onImported?: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-button">
        {t('import.button')}
      </Button>
      {open ? <ImportModal kind={kind} onClose={() => setOpen(false)} onImported={onImported} /> : null}
    </>
  );
}

function ImportModal({
  kind,
  onClose,
  onImported,
}: {
  kind: ImportKind;
  onClose: () => void;
  onImported?: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [templateBusy, setTemplateBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    try {
      await downloadFile(`/api/import/${kind}/template`, undefined, `${t(`import.kind.${kind}`)}-template.xlsx`);
    } catch (error) {
      showApiError(error, message);
    } finally {
      setTemplateBusy(false);
    }
  };

  const upload = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      setOutcome({ kind: 'failed', message: t('import.onlyXlsx'), fileName: file.name });
      return;
    }
    if (file.size > MAX_BYTES) {
      setOutcome({
        kind: 'failed',
        message: t('import.tooLarge', { mb: MAX_BYTES / 1024 / 1024 }),
        fileName: file.name,
      });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const result = await apiUpload<{ inserted: number; updated: number }>(`/api/import/${kind}`, file);
      setOutcome({ kind: 'ok', inserted: result.inserted, updated: result.updated, fileName: file.name });
      // Imported rows change every list and picker of that kind (and regions feed every tree).
      void queryClient.invalidateQueries({ queryKey: [kind] });
      onImported?.();
    } catch (error) {
      if (isApiError(error) && error.code === 'IMPORT_REJECTED') {
        setOutcome({
          kind: 'rejected',
          message: error.message,
          errors: error.details?.errors ?? [],
          fileName: file.name,
        });
      } else {
        setOutcome({ kind: 'failed', message: isApiError(error) ? error.message : String(error), fileName: file.name });
      }
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Modal
      open
      title={t('import.title', { kind: t(`import.kind.${kind}`) })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={720}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('import.hint')}
        </Typography.Paragraph>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={downloadTemplate}
            loading={templateBusy}
            data-testid="import-template"
          >
            {t('import.template')}
          </Button>
          <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            {t('import.choose')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            data-testid="import-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
        </Space>
        {outcome?.kind === 'ok' ? (
          <Alert
            type="success"
            showIcon
            data-testid="import-success"
            title={t('import.success', { inserted: outcome.inserted, updated: outcome.updated })}
            description={outcome.fileName}
          />
        ) : null}
        {outcome?.kind === 'failed' ? (
          <Alert
            type="error"
            showIcon
            title={outcome.message}
            description={outcome.fileName}
            data-testid="import-failed"
          />
        ) : null}
        {outcome?.kind === 'rejected' ? (
          <>
            <Alert type="error" showIcon title={outcome.message} description={t('import.nothingSaved')} />
            <div data-testid="import-report">
              <Table<ImportRowError & { key: number }>
                size="small"
                bordered
                pagination={
                  outcome.errors.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false
                }
                scroll={{ y: 320 }}
                dataSource={outcome.errors.map((e, i) => ({ ...e, key: i }))}
                columns={[
                  { title: t('import.report.row'), dataIndex: 'row', width: 80 },
                  { title: t('import.report.column'), dataIndex: 'column', width: 160 },
                  { title: t('import.report.reason'), dataIndex: 'message' },
                ]}
              />
            </div>
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
