// The header card of a record page with tabs (a round, a drive, a questionnaire): back link, title
// with its status tag, a line of facts, the actions on the right, and the tabs, whose key is a path
// segment so the tab survives a reload.
import type { ReactNode } from 'react';
import { Button, Card, Flex, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';

export interface TabbedRecordHeaderProps<T extends string> {
  backText: string;
  onBack: () => void;
  title: ReactNode;
  titleTestId: string;
  status: ReactNode;
  /** The facts under the title, each its own element (period, region, campaign…). */
  facts: ReactNode;
  actions?: ReactNode;
  tabs: readonly T[];
  activeTab: T;
  onTab: (key: T) => void;
  tabLabel: (key: T) => string;
}

export function TabbedRecordHeader<T extends string>(props: TabbedRecordHeaderProps<T>) {
  return (
    <Card size="small" styles={{ body: { paddingBottom: 0 } }}>
      <Button type="link" size="small" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={props.onBack}>
        {props.backText}
      </Button>
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginTop: 4 }}>
        <Space orientation="vertical" size={4}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid={props.titleTestId}>
              {props.title}
            </Typography.Title>
            {props.status}
          </Flex>
          <Space size={16} wrap style={{ color: '#595959' }}>
            {props.facts}
          </Space>
        </Space>
        {props.actions}
      </Flex>
      <Tabs
        activeKey={props.activeTab}
        onChange={(key) => props.onTab(key as T)}
        style={{ marginTop: 8, marginBottom: 0 }}
        items={props.tabs.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{props.tabLabel(key)}</span>,
        }))}
      />
    </Card>
  );
}
