// Photos of a resident's report: take one with the back camera (or pick from the album), shrink
// it, upload it to the city's public photo endpoint and show a thumbnail; up to three.
import { useEffect, useRef, useState } from 'react';
import { App, Button, Flex, Spin } from 'antd';
import { CameraOutlined, CloseOutlined, FileImageOutlined, PictureOutlined } from '@ant-design/icons';
import { isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { uploadPublicPhoto } from '../api/public-api';
import { MAX_PUBLIC_PHOTOS, type DraftPhoto } from '../api/public-draft';
import { preparePhoto } from '../api/shrink-photo';

export interface PublicPhotoPickerProps {
  cityCode: string;
  value?: DraftPhoto[];
  onChange?: (photos: DraftPhoto[]) => void;
  id?: string;
  disabled?: boolean;
}

const TILE = 96;

export function PublicPhotoPicker({ cityCode, value, onChange, id, disabled }: PublicPhotoPickerProps) {
  const t = useT();
  const { message } = App.useApp();
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const photos = value ?? [];
  // The newest list, for uploads that finish after the props we rendered with.
  const latest = useRef<DraftPhoto[]>(photos);
  const [pending, setPending] = useState(0);

  useEffect(() => {
    latest.current = value ?? [];
  }, [value]);

  const add = async (files: File[]) => {
    const images = files.filter((f) => {
      const ok = f.type === '' || f.type.startsWith('image/');
      if (!ok) void message.warning(t('public.report.photoNotImage', { name: f.name }));
      return ok;
    });
    const room = Math.max(0, MAX_PUBLIC_PHOTOS - latest.current.length - pending);
    if (images.length > room) void message.warning(t('public.report.photoTooMany', { max: MAX_PUBLIC_PHOTOS }));
    const batch = images.slice(0, room);
    if (batch.length === 0) return;
    setPending((n) => n + batch.length);
    const results = await Promise.allSettled(
      batch.map(async (f) => {
        const prepared = await preparePhoto(f);
        const fileId = await uploadPublicPhoto(cityCode, prepared.file);
        return { fileId, thumb: prepared.thumb };
      }),
    );
    setPending((n) => n - batch.length);
    const stored: DraftPhoto[] = [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') stored.push(r.value);
      else {
        const reason = isApiError(r.reason) || r.reason instanceof Error ? r.reason.message : String(r.reason);
        void message.error(t('public.report.photoFailed', { name: batch[i].name, reason }));
      }
    });
    if (stored.length > 0) {
      const next = [...latest.current, ...stored].slice(0, MAX_PUBLIC_PHOTOS);
      latest.current = next;
      onChange?.(next);
    }
  };

  const remove = (fileId: string) => {
    const next = latest.current.filter((p) => p.fileId !== fileId);
    latest.current = next;
    onChange?.(next);
  };

  const canAdd = !disabled && photos.length + pending < MAX_PUBLIC_PHOTOS;
  const onFiles = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length > 0) void add(files);
  };

  return (
    <div id={id} data-testid="public-photos">
      <Flex wrap gap={10}>
        {photos.map((p, i) => (
          <div
            key={p.fileId}
            data-testid="photo-thumb"
            style={{
              position: 'relative',
              width: TILE,
              height: TILE,
              borderRadius: 8,
              border: '1px solid #f0f0f0',
              background: '#fafafa',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              flex: 'none',
            }}
          >
            {p.thumb ? (
              <img
                src={p.thumb}
                alt={t('public.report.photoAlt', { n: i + 1 })}
                style={{ width: '100%', height: '100%', objectFit: 'cover', borderRadius: 8 }}
              />
            ) : (
              <FileImageOutlined
                style={{ fontSize: 28, color: '#8c8c8c' }}
                aria-label={t('public.report.photoAlt', { n: i + 1 })}
              />
            )}
            {!disabled ? (
              <button
                type="button"
                onClick={() => remove(p.fileId)}
                aria-label={t('public.report.photoRemove')}
                title={t('public.report.photoRemove')}
                data-testid="photo-remove"
                style={{
                  position: 'absolute',
                  top: -8,
                  right: -8,
                  width: 28,
                  height: 28,
                  borderRadius: 14,
                  border: 'none',
                  background: 'rgba(0,0,0,0.65)',
                  color: '#fff',
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  padding: 0,
                  cursor: 'pointer',
                }}
              >
                <CloseOutlined style={{ fontSize: 12 }} />
              </button>
            ) : null}
          </div>
        ))}
        {Array.from({ length: pending }, (_, i) => (
          <div
            key={`pending-${i}`}
            style={{
              width: TILE,
              height: TILE,
              borderRadius: 8,
              border: '1px solid #f0f0f0',
              background: '#fafafa',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 4,
              fontSize: 12,
              color: '#8c8c8c',
              flex: 'none',
            }}
          >
            <Spin size="small" />
            {t('public.report.photoUploading')}
          </div>
        ))}
        {canAdd ? (
          <button
            type="button"
            onClick={() => camera.current?.click()}
            data-testid="photo-add"
            style={{
              width: TILE,
              height: TILE,
              borderRadius: 8,
              border: '1px dashed #c0392b',
              background: '#fff7f6',
              color: '#c0392b',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 4,
              fontSize: 13,
              cursor: 'pointer',
              flex: 'none',
              padding: 4,
            }}
          >
            <CameraOutlined style={{ fontSize: 26 }} />
            <span>{t('public.report.photoTake')}</span>
            <span style={{ fontSize: 11, color: '#8c8c8c' }}>
              {photos.length}/{MAX_PUBLIC_PHOTOS}
            </span>
          </button>
        ) : null}
      </Flex>
      {canAdd ? (
        <Button
          type="link"
          icon={<PictureOutlined />}
          onClick={() => album.current?.click()}
          style={{ paddingInline: 0, marginTop: 4, height: 36 }}
          data-testid="photo-album"
        >
          {t('public.report.photoAlbum')}
        </Button>
      ) : null}
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        disabled={disabled}
        onChange={onFiles}
        data-testid="photo-input"
      />
      <input
        ref={album}
        type="file"
        accept="image/*"
        multiple
        style={{ display: 'none' }}
        disabled={disabled}
        onChange={onFiles}
        data-testid="photo-album-input"
      />
    </div>
  );
}
