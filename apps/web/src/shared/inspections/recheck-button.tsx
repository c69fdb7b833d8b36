// "复查" on a case that a failed inspection item filed: starts (or reopens) a re-inspection of the
// case's site assigned to the user (POST /api/inspections/recheck) and opens its checklist on the
// phone page. Shown by the case pages when the case came from an inspection and the user may
// inspect; the server refuses a case that did not.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import type { CaseSource } from '@cc/common/cases';
import { apiFetch } from '../../app/api';
import { useCan } from '../../app/auth/use-me';
import { useT } from '../../app/i18n/locale-provider';
import { showApiError } from '../form-errors';

export interface RecheckButtonProps {
  caseId: number;
  source: CaseSource;
  /** Phone pages: a full-width, tall button. */
  large?: boolean;
}

export function RecheckButton({ caseId, source, large }: RecheckButtonProps) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (source !== 'inspection' || !can('inspection.perform')) return null;

  const run = async () => {
    setBusy(true);
    try {
      const inspection = await apiFetch<{ id: number }>('/api/inspections/recheck', {
        method: 'POST',
        body: { caseId },
      });
      void navigate(`/m/inspections/${inspection.id}`);
    } catch (error) {
      showApiError(error, message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      icon={<AuditOutlined />}
      loading={busy}
      onClick={() => void run()}
      block={large}
      size={large ? 'large' : 'middle'}
      style={large ? { height: 48 } : undefined}
      data-testid="case-recheck"
    >
      {t('inspectionShared.recheck')}
    </Button>
  );
}
