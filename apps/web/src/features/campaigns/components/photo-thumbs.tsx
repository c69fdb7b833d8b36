// Photo thumbnails that enlarge on click (reports, events); "no photos" when there are none.
import { Flex, Image, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { fileUrl } from '../../../shared/cases/cases-api';

export function PhotoThumbs({
  fileIds,
  size = 88,
  testId,
}: {
  fileIds: readonly string[];
  size?: number;
  testId?: string;
}) {
  const t = useT();
  if (fileIds.length === 0) return <Typography.Text type="secondary">{t('campaigns.report.noPhotos')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8} data-testid={testId}>
        {fileIds.map((id) => (
          <Image
            key={id}
            src={fileUrl(id)}
            width={size}
            height={size}
            alt=""
            style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
