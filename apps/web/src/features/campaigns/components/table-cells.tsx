// Cells the ledger and instance tables share: a task's content as a one-line link with a second
// line of context (campaign, activity, clause…), and a count that turns into a coloured tag once it
// is above zero (returns, escalations), and the returns column of the instance tables.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Space, Tag, Typography, type TableColumnType } from 'antd';
import type { TFunction } from '../../../app/i18n/locale-provider';
import type { InstanceListItem } from '../api/campaign-types';

export function ContentCell({
  to,
  text,
  testId,
  maxWidth = 380,
  meta,
}: {
  to: string;
  text: string;
  testId: string;
  maxWidth?: number;
  meta?: ReactNode;
}) {
  return (
    <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
      <Link to={to} data-testid={testId}>
        <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth, color: 'inherit' }}>
          {text}
        </Typography.Text>
      </Link>
      {meta}
    </Space>
  );
}

export function CountTag({ n, color, text }: { n: number; color: string; text?: string }) {
  return n > 0 ? <Tag color={color}>{text ?? n}</Tag> : <>0</>;
}

export function returnsColumn(t: TFunction): TableColumnType<InstanceListItem> {
  return {
    title: t('campaigns.instance.returns'),
    dataIndex: 'returnCount',
    width: 70,
    align: 'center',
    render: (n: number) => <CountTag n={n} color="magenta" />,
  };
}
