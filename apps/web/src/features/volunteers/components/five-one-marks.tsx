// A week's 五个一 as five marks in a row: a filled tick for an item done, a grey circle for one
// still to do, a clock for one whose self-report waits for review. Fits a 375 px phone.
import { Flex, Tooltip } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { FIVE_ONE } from '@cc/common/volunteers';
import { useT } from '../../../app/i18n/locale-provider';
import type { FiveOneWeek } from '../api/volunteer-types';

export function FiveOneMarks({ week }: { week: FiveOneWeek }) {
  const t = useT();
  return (
    <Flex justify="space-between" gap={4} data-testid="five-one-marks" data-count={week.count}>
      {FIVE_ONE.map((item) => {
        const entry = week.items.find((i) => i.item === item);
        const done = entry?.done ?? false;
        const pending = !done && (entry?.pendingReport ?? false);
        return (
          <Tooltip key={item} title={t(`volunteers.fiveOne.${item}`)}>
            <Flex
              vertical
              align="center"
              gap={2}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="five-one-mark"
              data-item={item}
              data-done={done}
            >
              <span
                style={{
                  width: 32,
                  height: 32,
                  borderRadius: '50%',
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  fontSize: done ? 30 : 18,
                  color: done ? '#389e0d' : pending ? '#d48806' : '#bfbfbf',
                  border: done ? 'none' : '2px solid currentColor',
                }}
              >
                {done ? <CheckCircleFilled /> : pending ? <ClockCircleOutlined /> : null}
              </span>
              <span style={{ fontSize: 12, color: done ? '#262626' : '#8c8c8c', whiteSpace: 'nowrap' }}>
                {t(`volunteers.fiveOne.short.${item}`)}
              </span>
            </Flex>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
