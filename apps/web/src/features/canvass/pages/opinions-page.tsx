// 意见建议办理 (/canvass/opinions): the office's opinion workbench (see opinion-workbench.tsx).
import { useT } from '../../../app/i18n/locale-provider';
import { OpinionWorkbench } from '../components/opinion-workbench';

export default function OpinionsPage() {
  const t = useT();
  return <OpinionWorkbench title={t('canvass.menu.opinions')} />;
}
