// Photo capture for the phone: a big "take photo" button that opens the rear camera, a smaller
// "from album" one, and thumbnails with remove. Each photo is shrunk on the phone and uploaded at
// once; the value is the list of uploaded file ids (so a draft can keep them), and `onUploaded`
// hears of each stored photo with its original file (for its time and place). A failed upload
// stays as a red tile with "retry" — the file is still in memory — until removed.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Button, Flex, Image, Spin, Typography } from 'antd';
import { CameraOutlined, CloseOutlined, PictureOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/locale-provider';
import { isApiError } from '../../app/api';
import { fileUrl } from '../cases/cases-api';
import { uploadPhoto } from './upload-photo';

interface Pending {
  key: string;
  file: File;
  previewUrl: string;
  state: 'uploading' | 'error';
  error?: string;
}

export interface CameraCaptureProps {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Upper bound of photos (the server takes 9). */
  max?: number;
  /** Told whether uploads are still running, so a form can wait before submitting. */
  onBusyChange?: (busy: boolean) => void;
  /** Big primary button (report page) or a normal one (action sheet). */
  large?: boolean;
  /**
   * Told of each photo once it is stored, just before it joins the value, with the file as the
   * camera gave it (its time is when the photo was taken) — e.g. to stamp it with the position.
   */
  onUploaded?: (fileId: string, original: File) => void;
  /** Test id of the camera's <input type=file>. */
  inputTestId?: string;
}

const EMPTY: string[] = [];
let pendingSeq = 0;

const tileStyle = {
  position: 'relative',
  aspectRatio: '1 / 1',
  borderRadius: 6,
  overflow: 'hidden',
  background: '#f0f0f0',
} as const;

const removeStyle = {
  position: 'absolute',
  top: 2,
  right: 2,
  width: 32,
  height: 32,
  minWidth: 32,
  background: 'rgba(0,0,0,0.55)',
  color: '#fff',
  border: 'none',
} as const;

export function CameraCapture({
  id,
  value = EMPTY,
  onChange,
  max = 9,
  onBusyChange,
  large,
  onUploaded,
  inputTestId = 'photo-input',
}: CameraCaptureProps) {
  const t = useT();
  const [pending, setPending] = useState<Pending[]>([]);
  // Local previews of photos taken on this page (shown without downloading them back).
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const valueRef = useRef(value);
  const cameraRef = useRef<HTMLInputElement>(null);
  const albumRef = useRef<HTMLInputElement>(null);
  const urlsRef = useRef<Set<string>>(new Set());

  useEffect(() => {
    valueRef.current = value;
  }, [value]);

  const busy = pending.some((p) => p.state === 'uploading');
  useEffect(() => {
    onBusyChange?.(busy);
  }, [busy, onBusyChange]);

  useEffect(() => {
    const urls = urlsRef.current;
    return () => {
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, []);

  const emit = (next: string[]) => {
    valueRef.current = next;
    onChange?.(next);
  };

  const upload = (item: Pending) => {
    uploadPhoto(item.file).then(
      (fileId) => {
        setPending((list) => list.filter((p) => p.key !== item.key));
        setPreviews((map) => ({ ...map, [fileId]: item.previewUrl }));
        if (!valueRef.current.includes(fileId)) {
          onUploaded?.(fileId, item.file);
          emit([...valueRef.current, fileId].slice(0, max));
        }
      },
      (error: unknown) => {
        const text = isApiError(error) ? error.message : t('mobileShared.photo.uploadFailed');
        setPending((list) => list.map((p) => (p.key === item.key ? { ...p, state: 'error', error: text } : p)));
      },
    );
  };

  const room = Math.max(0, max - value.length - pending.length);

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []).slice(0, room);
    // Let the same photo be chosen again after a removal.
    event.target.value = '';
    const items = files.map<Pending>((file) => {
      const previewUrl = URL.createObjectURL(file);
      urlsRef.current.add(previewUrl);
      pendingSeq += 1;
      return { key: `p${pendingSeq}`, file, previewUrl, state: 'uploading' };
    });
    if (items.length === 0) return;
    setPending((list) => [...list, ...items]);
    items.forEach(upload);
  };

  const retry = (item: Pending) => {
    setPending((list) => list.map((p) => (p.key === item.key ? { ...p, state: 'uploading', error: undefined } : p)));
    upload({ ...item, state: 'uploading' });
  };

  const removePending = (key: string) => setPending((list) => list.filter((p) => p.key !== key));
  const removeDone = (fileId: string) => emit(valueRef.current.filter((v) => v !== fileId));

  const count = value.length + pending.length;

  return (
    <div id={id}>
      <Flex gap={8}>
        <Button
          type={large ? 'primary' : 'default'}
          size="large"
          icon={<CameraOutlined />}
          disabled={room === 0}
          onClick={() => cameraRef.current?.click()}
          style={{ flex: 2, height: large ? 56 : 48, fontSize: large ? 18 : 16 }}
          data-testid="photo-take"
        >
          {t('mobileShared.photo.take')}
        </Button>
        <Button
          size="large"
          icon={<PictureOutlined />}
          disabled={room === 0}
          onClick={() => albumRef.current?.click()}
          style={{ flex: 1, height: large ? 56 : 48 }}
          aria-label={t('mobileShared.photo.album')}
        >
          {t('mobileShared.photo.album')}
        </Button>
      </Flex>
      {/* Off-screen rather than display:none: some Android browsers ignore click() on hidden inputs. */}
      <input
        ref={cameraRef}
        type="file"
        accept="image/*"
        capture="environment"
        onChange={onFiles}
        data-testid={inputTestId}
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
        tabIndex={-1}
        aria-hidden
      />
      <input
        ref={albumRef}
        type="file"
        accept="image/*"
        multiple
        onChange={onFiles}
        data-testid="photo-album-input"
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
        tabIndex={-1}
        aria-hidden
      />
      {count > 0 ? (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px', fontSize: 13 }}>
            {t('mobileShared.photo.count', { count, max })}
            {busy ? ` · ${t('mobileShared.photo.uploading')}` : ''}
          </Typography.Text>
          <Image.PreviewGroup>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8 }}>
              {value.map((fileId) => (
                <div key={fileId} style={tileStyle} data-testid="photo-thumb">
                  <Image
                    src={previews[fileId] ?? fileUrl(fileId)}
                    alt=""
                    width="100%"
                    height="100%"
                    style={{ objectFit: 'cover' }}
                  />
                  <Button
                    shape="circle"
                    icon={<CloseOutlined />}
                    style={removeStyle}
                    onClick={() => removeDone(fileId)}
                    aria-label={t('common.remove')}
                    data-testid="photo-remove"
                  />
                </div>
              ))}
              {pending.map((item) => (
                <div
                  key={item.key}
                  style={{ ...tileStyle, outline: item.state === 'error' ? '2px solid #ff4d4f' : undefined }}
                >
                  <img
                    src={item.previewUrl}
                    alt=""
                    style={{ width: '100%', height: '100%', objectFit: 'cover', opacity: 0.5 }}
                  />
                  <Flex
                    vertical
                    align="center"
                    justify="center"
                    gap={4}
                    style={{ position: 'absolute', inset: 0, padding: 4, textAlign: 'center' }}
                  >
                    {item.state === 'uploading' ? (
                      <Spin />
                    ) : (
                      <>
                        <Typography.Text type="danger" style={{ fontSize: 12 }} ellipsis={{ tooltip: item.error }}>
                          {t('mobileShared.photo.uploadFailed')}
                        </Typography.Text>
                        <Button size="small" icon={<ReloadOutlined />} onClick={() => retry(item)}>
                          {t('common.retry')}
                        </Button>
                      </>
                    )}
                  </Flex>
                  {item.state === 'error' ? (
                    <Button
                      shape="circle"
                      icon={<CloseOutlined />}
                      style={removeStyle}
                      onClick={() => removePending(item.key)}
                      aria-label={t('common.remove')}
                    />
                  ) : null}
                </div>
              ))}
            </div>
          </Image.PreviewGroup>
        </>
      ) : null}
    </div>
  );
}
