// "导入 Excel": template download, .xlsx upload, and either the counts or the row-by-row rejection
// report (422 IMPORT_REJECTED — nothing was saved). The organisation imports name their kind
// (`<ImportButton kind="units" />`); any other import passes its own target (paths, title, how to
// word the result, what to refresh) — e.g. the work ledger of a campaign.
import { useRef, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { apiUpload, downloadFile, isApiError, type ImportRowError } from '../../app/api';
import { useT, type TFunction } from '../../app/i18n/locale-provider';
import { showApiError } from '../form-errors';

export type ImportKind = 'regions' | 'units' | 'people';

/** Where an import goes and how its outcome reads. */
export interface ImportTarget<R = unknown> {
  title: string;
  /** GET: the .xlsx template. */
  templatePath: string;
  templateFileName: string;
  /** POST multipart `file`. */
  uploadPath: string;
  /** The success line for the server's answer. */
  describe: (result: R) => string;
  /** Queries to refresh after a successful import. */
  invalidate: QueryKey[];
}

function orgTarget(kind: ImportKind, t: TFunction): ImportTarget<{ inserted: number; updated: number }> {
  return {
    title: t('import.title', { kind: t(`import.kind.${kind}`) }),
    templatePath: `/api/import/${kind}/template`,
    templateFileName: `${t(`import.kind.${kind}`)}-template.xlsx`,
    uploadPath: `/api/import/${kind}`,
    describe: (r) => t('import.success', { inserted: r.inserted, updated: r.updated }),
    // Imported rows change every list and picker of that kind (and regions feed every tree).
    invalidate: [[kind]],
  };
}

type Outcome =
  | { kind: 'ok'; text: string; fileName: string }
  | { kind: 'rejected'; message: string; errors: ImportRowError[]; fileName: string }
  | { kind: 'failed'; message: string; fileName: string };

const MAX_BYTES = 20 * 1024 * 1024;

export type ImportButtonProps<R> = (
  { kind: ImportKind; target?: never } | { target: ImportTarget<R>; kind?: never }
) & {
  onImported?: (result: R) => void;
  label?: string;
};

export function ImportButton<R>({ kind, target, onImported, label }: ImportButtonProps<R>) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const resolved = (target ?? orgTarget(kind as ImportKind, t)) as ImportTarget<unknown>;
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-button">
        {label ?? t('import.button')}
      </Button>
      {open ? (
        <ImportModal
          target={resolved}
          onClose={() => setOpen(false)}
          onImported={onImported as ((result: unknown) => void) | undefined}
        />
      ) : null}
    </>
  );
}

function ImportModal({
  target,
  onClose,
  onImported,
}: {
  target: ImportTarget<unknown>;
  onClose: () => void;
  onImported?: (result: unknown) => void;
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
      await downloadFile(target.templatePath, undefined, target.templateFileName);
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
      const result = await apiUpload<unknown>(target.uploadPath, file);
      setOutcome({ kind: 'ok', text: target.describe(result), fileName: file.name });
      for (const queryKey of target.invalidate) void queryClient.invalidateQueries({ queryKey });
      onImported?.(result);
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
      title={target.title}
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
            title={outcome.text}
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
