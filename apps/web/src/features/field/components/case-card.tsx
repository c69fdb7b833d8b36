// One case in a phone list: the whole card is the tap target and leads to the case page.
import { Link } from 'react-router';
import { Flex, Typography } from 'antd';
import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { CASE_FINAL_STATUSES, CASE_WORKING_STATUSES } from '@cc/common/cases';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import type { CaseListItem } from '../../../shared/cases/cases-api';
import { DeadlineTag, FieldStatusTag } from './field-status-tag';

export function CaseCard({ item, now, showDeadline }: { item: CaseListItem; now: Date; showDeadline?: boolean }) {
  const t = useT();
  const working = CASE_WORKING_STATUSES.includes(item.status);
  const final = CASE_FINAL_STATUSES.includes(item.status);
  return (
    <Link
      to={`/m/cases/${item.id}`}
      data-testid="field-case-card"
      style={{
        display: 'block',
        background: '#fff',
        borderRadius: 8,
        padding: 12,
        color: 'inherit',
        borderInlineStart: `4px solid ${item.overdue && !final ? '#ff4d4f' : 'transparent'}`,
        boxShadow: '0 1px 2px rgba(0,0,0,0.06)',
      }}
    >
      <Flex align="center" gap={6} wrap>
        <FieldStatusTag status={item.status} />
        {showDeadline && working ? <DeadlineTag deadlineAt={item.deadlineAt} overdue={item.overdue} now={now} /> : null}
        {item.extensionPending ? (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('field.case.extensionPending')}
          </Typography.Text>
        ) : null}
        <span style={{ flex: 1 }} />
        <RightOutlined style={{ color: '#bbb' }} />
      </Flex>
      <Typography.Text strong style={{ display: 'block', marginTop: 8, fontSize: 16 }}>
        {item.categoryName}
      </Typography.Text>
      <Typography.Paragraph
        ellipsis={{ rows: 2 }}
        style={{ margin: '2px 0 0', color: '#444', overflowWrap: 'anywhere' }}
      >
        {item.description}
      </Typography.Paragraph>
      {item.address ? (
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 13, marginTop: 4 }}>
          <EnvironmentOutlined /> {item.address}
        </Typography.Text>
      ) : null}
      <Flex justify="space-between" gap={8} style={{ marginTop: 6, fontSize: 12, color: '#999' }}>
        <span>{item.code}</span>
        <span>{formatDateTime(item.createdAt)}</span>
      </Flex>
    </Link>
  );
}
