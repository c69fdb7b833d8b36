// Before / after JSON of one audit entry, side by side, with changed top-level keys marked.
import { Col, Row, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import type { AuditEntry } from '../api/audit-api';

function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]));
}

const preStyle: React.CSSProperties = {
  margin: 0,
  maxHeight: 320,
  overflow: 'auto',
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  padding: 8,
  fontSize: 12,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
};

export function AuditChangeView({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const changed = entry.before && entry.after ? changedKeys(entry.before, entry.after) : [];
  return (
    <div data-testid="audit-change">
      {entry.message ? (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('audit.message')}：</Typography.Text>
          {entry.message}
        </Typography.Paragraph>
      ) : null}
      {changed.length ? (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('audit.changedFields')}：</Typography.Text>
          {changed.join(', ')}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <pre style={preStyle}>{entry.before ? JSON.stringify(entry.before, null, 2) : t('audit.noData')}</pre>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <pre style={preStyle}>{entry.after ? JSON.stringify(entry.after, null, 2) : t('audit.noData')}</pre>
        </Col>
      </Row>
    </div>
  );
}
