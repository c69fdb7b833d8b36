// Centered spinner for route-level loading (lazy pages, session check).
import { Flex, Spin } from 'antd';

export function FullPageSpin({ height = '60vh' }: { height?: string | number }) {
  return (
    <Flex align="center" justify="center" style={{ height }}>
      <Spin size="large" />
    </Flex>
  );
}
