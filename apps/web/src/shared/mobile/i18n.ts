// UI texts of the shared phone pieces (photo capture, "load more", refresh); zh-CN is the reference
// and en-US carries the same keys.
export const mobileSharedZhCN = {
  'mobileShared.refresh': '刷新',
  'mobileShared.list.loadMore': '加载更多',
  'mobileShared.list.end': '已显示全部 {total} 条',

  'mobileShared.photo.take': '拍照',
  'mobileShared.photo.album': '相册',
  'mobileShared.photo.count': '已添加 {count}/{max} 张',
  'mobileShared.photo.uploading': '照片上传中…',
  'mobileShared.photo.uploadFailed': '上传失败',
  'mobileShared.photo.waitUpload': '照片还在上传，请稍候再提交',
};

export const mobileSharedEnUS: Record<keyof typeof mobileSharedZhCN, string> = {
  'mobileShared.refresh': 'Refresh',
  'mobileShared.list.loadMore': 'Load more',
  'mobileShared.list.end': 'All {total} shown',

  'mobileShared.photo.take': 'Take photo',
  'mobileShared.photo.album': 'Album',
  'mobileShared.photo.count': '{count}/{max} photos',
  'mobileShared.photo.uploading': 'Uploading photos…',
  'mobileShared.photo.uploadFailed': 'Upload failed',
  'mobileShared.photo.waitUpload': 'Photos are still uploading, please wait',
};
