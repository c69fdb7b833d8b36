// Texts of the shared case components (merged into the app catalogue; zh-CN is the reference).
export const caseSharedZhCN = {
  'caseShared.timeline.system': '系统',
  'caseShared.timeline.empty': '暂无办理记录',
  'caseShared.timeline.unit': '承办单位：{name}',
  'caseShared.timeline.deadline': '办理期限：{time}',
  'caseShared.timeline.target': '并入案件 #{id}',
  'caseShared.timeline.duplicate': '重复件：{code}',
  'caseShared.photo.add': '添加照片',
  'caseShared.photo.take': '拍照 / 选图',
  'caseShared.photo.uploading': '上传中…',
  'caseShared.photo.remove': '删除此照片',
  'caseShared.photo.notImage': '“{name}”不是图片，已跳过',
  'caseShared.photo.failed': '“{name}”上传失败：{reason}',
  'caseShared.photo.tooMany': '最多只能上传 {max} 张照片，多出的 {extra} 张未上传',
};

export const caseSharedEnUS: Record<keyof typeof caseSharedZhCN, string> = {
  'caseShared.timeline.system': 'System',
  'caseShared.timeline.empty': 'No handling record yet',
  'caseShared.timeline.unit': 'Unit: {name}',
  'caseShared.timeline.deadline': 'Deadline: {time}',
  'caseShared.timeline.target': 'Merged into case #{id}',
  'caseShared.timeline.duplicate': 'Duplicate: {code}',
  'caseShared.photo.add': 'Add photo',
  'caseShared.photo.take': 'Take / pick photo',
  'caseShared.photo.uploading': 'Uploading…',
  'caseShared.photo.remove': 'Remove this photo',
  'caseShared.photo.notImage': '"{name}" is not an image and was skipped',
  'caseShared.photo.failed': '"{name}" could not be uploaded: {reason}',
  'caseShared.photo.tooMany': 'At most {max} photos: the {extra} extra were not uploaded',
};
