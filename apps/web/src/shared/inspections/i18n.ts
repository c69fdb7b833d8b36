// Texts of the shared inspection pieces the case pages and the phone home show (merged into the
// app catalogue; zh-CN is the reference).
export const inspectionSharedZhCN = {
  'inspectionShared.recheck': '复查点位',
  'inspectionShared.homeTile': '实地督查',
};

export const inspectionSharedEnUS: Record<keyof typeof inspectionSharedZhCN, string> = {
  'inspectionShared.recheck': 'Re-inspect the site',
  'inspectionShared.homeTile': 'Field inspections',
};
