import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { formatHours, formatRate, periodRange } from './metrics-format';

describe('periodRange', () => {
  it('covers a month, including February of a leap year', () => {
    expect(periodRange('month', dayjs('2028-02-10'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('month', dayjs('2026-12-31'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('covers the quarter that holds the date', () => {
    expect(periodRange('quarter', dayjs('2026-01-15'))).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('quarter', dayjs('2026-05-01'))).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodRange('quarter', dayjs('2026-09-30'))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodRange('quarter', dayjs('2026-11-02'))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('covers a year', () => {
    expect(periodRange('year', dayjs('2026-06-06'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('formats', () => {
  it('shows rates as percentages with one decimal', () => {
    expect(formatRate(0.9523)).toBe('95.2%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('—');
  });

  it('shows hours with one decimal', () => {
    expect(formatHours(12)).toBe('12.0');
    expect(formatHours(null)).toBe('—');
  });
});
