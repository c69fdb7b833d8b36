// What the desktop and phone report forms check before sending: no upload still running, and for a
// submission the task's evidence rule (what is missing is kept for the form to list).
import { useState } from 'react';
import { App } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import type { Evidence } from '../api/campaign-types';
import { missingEvidence, type MissingEvidence, type ReportContent } from '../api/report-draft';

export function useReportPrecheck(evidence: Evidence) {
  const t = useT();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [missing, setMissing] = useState<MissingEvidence[]>([]);

  /** Whether `action` may be sent with `content` now; says why not otherwise. */
  const ready = (action: 'save_draft' | 'submit', content: ReportContent): boolean => {
    if (uploading) {
      void message.warning(t('mobileShared.photo.waitUpload'));
      return false;
    }
    if (action !== 'submit') return true;
    const lacking = missingEvidence(evidence, content);
    setMissing(lacking);
    return lacking.length === 0;
  };

  return { uploading, setUploading, missing, ready };
}
