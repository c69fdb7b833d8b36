// The case's photos in three groups — at intake (before), after handling (after), at verification
// (verify) — each enlargeable; a public tag marks photos shown on the public board.
import { Empty, Image, Space, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { fileUrl, type CasePhoto } from '../../../shared/cases/cases-api';

const KINDS: CasePhoto['kind'][] = ['before', 'after', 'verify'];

export function CasePhotoGroups({ photos }: { photos: CasePhoto[] }) {
  const t = useT();
  if (photos.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.photos.none')} />;
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="case-photos">
      {KINDS.map((kind) => {
        const group = photos.filter((p) => p.kind === kind);
        return (
          <div key={kind} data-testid={`photos-${kind}`}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
              {t(`cases.photos.${kind}`)}（{group.length}）
            </Typography.Text>
            {group.length === 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('common.none')}
              </Typography.Text>
            ) : (
              <Image.PreviewGroup>
                <Space size={8} wrap>
                  {group.map((p) => (
                    <div key={p.fileId} style={{ position: 'relative' }}>
                      <Image
                        src={fileUrl(p.fileId)}
                        width={104}
                        height={104}
                        alt=""
                        style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
                      />
                      {p.isPublic ? (
                        <Tag color="green" style={{ position: 'absolute', left: 4, top: 4, margin: 0, fontSize: 11 }}>
                          {t('cases.photos.public')}
                        </Tag>
                      ) : null}
                    </div>
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </div>
        );
      })}
    </Space>
  );
}
