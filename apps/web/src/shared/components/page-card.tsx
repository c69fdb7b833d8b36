// The frame of one admin page: a card titled with the page name.
import type { ReactNode } from 'react';
import { Card } from 'antd';

export function PageCard({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} extra={extra} size="small" styles={{ body: { padding: 16 } }}>
      {children}
    </Card>
  );
}
