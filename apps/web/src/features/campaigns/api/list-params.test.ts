import { describe, expect, it } from 'vitest';
import { listSearch, hasFilters } from '../../../shared/url-params';
import {
  CAMPAIGN_LIST_CODEC,
  DEFAULT_PAGE_SIZE,
  MY_TASKS_CODEC,
  OVERDUE_CODEC,
  instanceFilters,
  ledgerFilters,
  parseInstanceSearch,
  parseLedgerSearch,
} from './list-params';

describe('ledger URL state', () => {
  it('starts empty on a bare URL', () => {
    const state = parseLedgerSearch(new URLSearchParams(''));
    expect(state).toMatchObject({ page: 1, pageSize: DEFAULT_PAGE_SIZE, q: '' });
    expect(hasFilters(ledgerFilters(state))).toBe(false);
    expect(listSearch(ledgerFilters(state), state, DEFAULT_PAGE_SIZE).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const url =
      'q=%E6%A8%AA%E5%B9%85&activityId=3&unitId=7&batchId=9&state=overdue&dueFrom=2026-03-01&dueTo=2026-03-31&page=2&pageSize=50';
    const state = parseLedgerSearch(new URLSearchParams(url));
    expect(state).toEqual({
      page: 2,
      pageSize: 50,
      q: '横幅',
      activityId: 3,
      unitId: 7,
      batchId: 9,
      state: 'overdue',
      dueFrom: '2026-03-01',
      dueTo: '2026-03-31',
    });
    const again = parseLedgerSearch(listSearch(ledgerFilters(state), state, DEFAULT_PAGE_SIZE));
    expect(again).toEqual(state);
  });

  it('drops malformed values', () => {
    const state = parseLedgerSearch(
      new URLSearchParams('activityId=-1&unitId=abc&state=lost&dueFrom=2026-3-1&page=0&pageSize=33'),
    );
    expect(state).toMatchObject({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
    expect(state.activityId).toBeUndefined();
    expect(state.unitId).toBeUndefined();
    expect(state.state).toBeUndefined();
    expect(state.dueFrom).toBeUndefined();
  });
});

describe('instance URL state', () => {
  it('reads a comma-separated status list, unknown statuses dropped', () => {
    const state = parseInstanceSearch(new URLSearchParams('status=overdue,returned,nope,overdue&open=true'));
    expect(state.status).toEqual(['overdue', 'returned']);
    expect(state.open).toBe(true);
    expect(instanceFilters(state)).toMatchObject({ status: 'overdue,returned', open: true });
  });

  it('the overdue list asks for overdue instances whatever the URL says', () => {
    const state = OVERDUE_CODEC.parse(new URLSearchParams('status=accepted&open=true&q=x'));
    expect(OVERDUE_CODEC.filters(state)).toMatchObject({ status: 'overdue', open: undefined, q: 'x' });
  });
});

describe('campaign list URL state', () => {
  it('keeps only a known campaign status', () => {
    expect(CAMPAIGN_LIST_CODEC.parse(new URLSearchParams('status=closed')).status).toBe('closed');
    expect(CAMPAIGN_LIST_CODEC.parse(new URLSearchParams('status=gone')).status).toBeUndefined();
  });
});

describe('my tasks URL state', () => {
  it('opens on what is still to report and keeps other views in the URL', () => {
    const fresh = MY_TASKS_CODEC.parse(new URLSearchParams(''));
    expect(fresh.view).toBe('open');
    expect(MY_TASKS_CODEC.filters(fresh)).toMatchObject({ open: true });
    expect(listSearch(MY_TASKS_CODEC.search!(fresh), fresh, DEFAULT_PAGE_SIZE).toString()).toBe('');
    const all = { ...fresh, view: 'all' as const };
    expect(MY_TASKS_CODEC.filters(all)).toEqual({ q: undefined, campaignId: undefined });
    const url = listSearch(MY_TASKS_CODEC.search!(all), all, DEFAULT_PAGE_SIZE);
    expect(MY_TASKS_CODEC.parse(url).view).toBe('all');
    expect(MY_TASKS_CODEC.filters({ ...fresh, view: 'returned' })).toMatchObject({ status: 'returned' });
  });
});
