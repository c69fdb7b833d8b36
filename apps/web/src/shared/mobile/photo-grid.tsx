// A grid of photos (three across on a phone); tap to see them full screen and swipe.
import { Image } from 'antd';
import { fileUrl } from '../cases/cases-api';

export function PhotoGrid({ fileIds, testId }: { fileIds: string[]; testId?: string }) {
  return (
    <Image.PreviewGroup>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 6 }} data-testid={testId}>
        {fileIds.map((id) => (
          <div key={id} style={{ aspectRatio: '1 / 1', borderRadius: 6, overflow: 'hidden', background: '#f0f0f0' }}>
            <Image src={fileUrl(id)} alt="" width="100%" height="100%" style={{ objectFit: 'cover' }} />
          </div>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
