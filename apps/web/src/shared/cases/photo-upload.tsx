// Photo picker for case forms (admin intake, transition dialogs, phone pages): uploads each chosen
// image to POST /api/files and keeps the list of stored file ids; thumbnails enlarge on click.
//
//   <Form.Item name="photos"><PhotoUpload max={9} /></Form.Item>
//   <PhotoUpload value={ids} onChange={setIds} capture upload={compressAndUpload} />
//
// Props:
//   value?: string[]                    stored file ids (controlled; Form.Item passes it)
//   onChange?: (ids: string[]) => void  called once per batch with the whole new list
//   max?: number                        default 9 (the server's limit)
//   capture?: boolean                   phones: accept="image/*" capture="environment" (back camera)
//   disabled?: boolean
//   upload?: (file: File) => Promise<string>  custom uploader returning the file id (e.g. shrink a
//                                       camera photo first); default apiUpload('/api/files', file)
//   size?: number                       thumbnail side in px, default 80
//   id?: string                         set by Form.Item (label focus / scroll to field)
//   inputTestId?: string                test id of the <input type=file>, default 'photo-input'
import { useT } from '../../app/i18n/locale-provider';
import { useEffect, useRef, useState } from 'react';
import { App, Image, Spin } from 'antd';
import { CameraOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { apiUpload, isApiError } from '../../app/api';
import { fileUrl } from './cases-api';

export interface PhotoUploadProps {
  value?: string[];
  onChange?: (fileIds: string[]) => void;
  max?: number;
  capture?: boolean;
  disabled?: boolean;
  upload?: (file: File) => Promise<string>;
  size?: number;
  id?: string;
  inputTestId?: string;
}

async function defaultUpload(file: File): Promise<string> {
  const stored = await apiUpload<{ id: string }>('/api/files', file);
  return stored.id;
}

export function PhotoUpload({
  value,
  onChange,
  max = 9,
  capture = false,
  disabled = false,
  upload = defaultUpload,
  size = 80,
  id,
  inputTestId = 'photo-input',
}: PhotoUploadProps) {
  const ts = useT();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const ids = value ?? [];
  // The newest list, for uploads that finish after the props we rendered with.
  const latest = useRef<string[]>(ids);
  const [pending, setPending] = useState(0);

  useEffect(() => {
    latest.current = value ?? [];
  }, [value]);

  const emit = (next: string[]) => {
    latest.current = next;
    onChange?.(next);
  };

  const addFiles = async (files: File[]) => {
    const images = files.filter((f) => {
      const ok = f.type.startsWith('image/');
      if (!ok) void message.warning(ts('caseShared.photo.notImage', { name: f.name }));
      return ok;
    });
    const room = Math.max(0, max - latest.current.length - pending);
    if (images.length > room) {
      void message.warning(ts('caseShared.photo.tooMany', { max, extra: images.length - room }));
    }
    const batch = images.slice(0, room);
    if (batch.length === 0) return;
    setPending((n) => n + batch.length);
    const results = await Promise.allSettled(batch.map((f) => upload(f)));
    setPending((n) => n - batch.length);
    const stored: string[] = [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') stored.push(r.value);
      else {
        const reason = isApiError(r.reason) || r.reason instanceof Error ? r.reason.message : String(r.reason);
        void message.error(ts('caseShared.photo.failed', { name: batch[i].name, reason }));
      }
    });
    if (stored.length > 0) emit([...latest.current, ...stored].slice(0, max));
  };

  const remove = (fileId: string) => emit(latest.current.filter((x) => x !== fileId));

  const tile: React.CSSProperties = {
    width: size,
    height: size,
    borderRadius: 6,
    position: 'relative',
    flex: 'none',
  };
  const canAdd = !disabled && ids.length + pending < max;

  return (
    <div id={id} data-testid="photo-upload">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Image.PreviewGroup>
          {ids.map((fileId) => (
            <div key={fileId} style={tile} data-testid="photo-thumb">
              <Image
                src={fileUrl(fileId)}
                width={size}
                height={size}
                alt=""
                style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }}
              />
              {!disabled ? (
                <button
                  type="button"
                  aria-label={ts('caseShared.photo.remove')}
                  title={ts('caseShared.photo.remove')}
                  onClick={() => remove(fileId)}
                  data-testid="photo-remove"
                  style={{
                    position: 'absolute',
                    top: -8,
                    right: -8,
                    width: 24,
                    height: 24,
                    borderRadius: 12,
                    border: 'none',
                    background: 'rgba(0,0,0,0.65)',
                    color: '#fff',
                    cursor: 'pointer',
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    padding: 0,
                  }}
                >
                  <CloseOutlined style={{ fontSize: 11 }} />
                </button>
              ) : null}
            </div>
          ))}
        </Image.PreviewGroup>
        {Array.from({ length: pending }, (_, i) => (
          <div
            key={`pending-${i}`}
            style={{
              ...tile,
              border: '1px solid #f0f0f0',
              background: '#fafafa',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 4,
              fontSize: 12,
              color: '#8c8c8c',
            }}
          >
            <Spin size="small" />
            {ts('caseShared.photo.uploading')}
          </div>
        ))}
        {canAdd ? (
          <button
            type="button"
            onClick={() => input.current?.click()}
            data-testid="photo-add"
            style={{
              ...tile,
              border: '1px dashed #d9d9d9',
              background: '#fafafa',
              cursor: 'pointer',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 4,
              color: '#595959',
              fontSize: 12,
              padding: 4,
            }}
          >
            {capture ? <CameraOutlined style={{ fontSize: 20 }} /> : <PlusOutlined style={{ fontSize: 18 }} />}
            <span>{capture ? ts('caseShared.photo.take') : ts('caseShared.photo.add')}</span>
            <span style={{ color: '#bfbfbf' }}>
              {ids.length}/{max}
            </span>
          </button>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture={capture ? 'environment' : undefined}
        multiple={!capture}
        disabled={disabled}
        style={{ display: 'none' }}
        data-testid={inputTestId}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) void addFiles(files);
        }}
      />
    </div>
  );
}
