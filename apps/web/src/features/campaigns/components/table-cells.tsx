// Cells the ledger and instance tables share: a task's content as a one-line link with a second
// line of context (campaign, activity, clause…), and a count that turns into a coloured tag once it
// is above zero (returns, escalations), and the returns column of the instance tables.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Tag, type TableColumnType } from 'antd';
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
  /** A cap; the cell never grows past its column (the text is cut with an ellipsis). */
  maxWidth?: number;
  meta?: ReactNode;
}) {
  const line = {
    display: 'block',
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  } as const;
  return (
    <div style={{ minWidth: 0, maxWidth }}>
      <Link to={to} data-testid={testId} title={text} style={line}>
        {text}
      </Link>
      {meta ? <div style={line}>{meta}</div> : null}
    </div>
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
