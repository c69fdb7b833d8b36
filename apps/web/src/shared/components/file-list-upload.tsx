// Files attached to a record (campaign documents, report attachments, event files, evidence for
// material review): an upload button (any type the server accepts: PDF, Word, Excel, images, MP4),
// the list with size and a download link, and remove. With `withTitle` each file gets an editable title (文件标题).
// FileLinks shows such a list read-only.
import { useEffect, useRef, useState } from 'react';
import { App, Button, Flex, Input, Typography } from 'antd';
import { DeleteOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/locale-provider';
import { isApiError } from '../../app/api';
import { fileUrl } from '../cases/cases-api';
import { formatFileSize, uploadFile, type FileRef } from '../files';

export interface TitledFileItem extends FileRef {
  title?: string;
}

export interface FileListUploadProps<T extends TitledFileItem> {
  id?: string;
  value?: T[];
  onChange?: (files: T[]) => void;
  max?: number;
  withTitle?: boolean;
  onBusyChange?: (busy: boolean) => void;
  testId?: string;
}

/** A title from a file name: 实施方案.pdf → 实施方案. */
export function titleFromName(name: string): string {
  return name.replace(/\.[^./\\]+$/, '') || name;
}

export function FileListUpload<T extends TitledFileItem>({
  id,
  value,
  onChange,
  max = 9,
  withTitle = false,
  onBusyChange,
  testId = 'file-upload',
}: FileListUploadProps<T>) {
  const t = useT();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const files = value ?? [];
  // The newest list, for uploads that finish after the props we rendered with.
  const latest = useRef(files);
  const [busy, setBusy] = useState(0);

  useEffect(() => {
    latest.current = value ?? [];
  }, [value]);

  useEffect(() => {
    onBusyChange?.(busy > 0);
  }, [busy, onBusyChange]);

  const emit = (next: T[]) => {
    latest.current = next;
    onChange?.(next);
  };

  const add = async (chosen: File[]) => {
    const room = Math.max(0, max - latest.current.length);
    if (chosen.length > room) void message.warning(t('files.tooMany', { max }));
    const batch = chosen.slice(0, room);
    if (batch.length === 0) return;
    setBusy((n) => n + batch.length);
    const results = await Promise.allSettled(batch.map((f) => uploadFile(f)));
    setBusy((n) => n - batch.length);
    const stored: T[] = [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') {
        const f = r.value;
        if (!latest.current.some((x) => x.id === f.id)) {
          stored.push({
            id: f.id,
            name: f.name,
            mime: f.mime,
            size: f.size,
            ...(withTitle ? { title: titleFromName(f.name) } : {}),
          } as T);
        }
      } else {
        const reason = isApiError(r.reason) || r.reason instanceof Error ? r.reason.message : String(r.reason);
        void message.error(t('files.failed', { name: batch[i].name, reason }));
      }
    });
    if (stored.length > 0) emit([...latest.current, ...stored]);
  };

  return (
    <div id={id} data-testid={testId}>
      <Flex vertical gap={6}>
        {files.map((f, index) => (
          <Flex key={f.id} gap={8} align="center" data-testid="file-item">
            <PaperClipOutlined style={{ color: '#8c8c8c' }} />
            {withTitle ? (
              <Input
                size="small"
                value={f.title ?? ''}
                maxLength={200}
                placeholder={t('files.titlePlaceholder')}
                style={{ flex: 1, minWidth: 0 }}
                onChange={(e) => emit(files.map((x, i) => (i === index ? { ...x, title: e.target.value } : x)))}
                data-testid="file-title"
              />
            ) : null}
            <Typography.Link
              href={fileUrl(f.id)}
              target="_blank"
              ellipsis
              style={{ flex: withTitle ? 'none' : 1, maxWidth: withTitle ? 200 : undefined, minWidth: 0 }}
            >
              {f.name}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {formatFileSize(f.size)}
            </Typography.Text>
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.remove')}
              onClick={() => emit(files.filter((x) => x.id !== f.id))}
            />
          </Flex>
        ))}
        {files.length < max ? (
          <div>
            <Button icon={<FileOutlined />} loading={busy > 0} onClick={() => input.current?.click()}>
              {busy > 0 ? t('files.uploading') : t('files.add')}
            </Button>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {t('files.hint', { count: files.length, max })}
            </Typography.Text>
          </div>
        ) : null}
      </Flex>
      <input
        ref={input}
        type="file"
        multiple
        accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp,.mp4"
        style={{ display: 'none' }}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          const chosen = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (chosen.length > 0) void add(chosen);
        }}
      />
    </div>
  );
}

/** Read-only list of files with download links. */
export function FileLinks({ files }: { files: readonly (FileRef & { title?: string })[] }) {
  const t = useT();
  if (files.length === 0) return <Typography.Text type="secondary">{t('files.none')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {files.map((f) => (
        <span key={f.id} style={{ overflowWrap: 'anywhere' }}>
          <PaperClipOutlined style={{ color: '#8c8c8c', marginInlineEnd: 6 }} />
          <Typography.Link href={fileUrl(f.id)} target="_blank" data-testid="file-link">
            {f.title && f.title !== f.name ? `${f.title}（${f.name}）` : f.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
            {formatFileSize(f.size)}
          </Typography.Text>
        </span>
      ))}
    </Flex>
  );
}
