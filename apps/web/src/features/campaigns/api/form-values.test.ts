import { describe, expect, it } from 'vitest';
import { campaignFields, scheduleFields, scopeBody, scopeIsEmpty, taskFields } from './form-values';

describe('campaign form', () => {
  it('sends "all units" without the lists, and the lists otherwise', () => {
    expect(scopeBody({ scopeMode: 'all', unitTypes: ['school'], regionIds: [1], unitIds: [2] })).toEqual({
      allUnits: true,
      unitTypes: [],
      regionIds: [],
      unitIds: [],
    });
    const some = scopeBody({ scopeMode: 'some', unitTypes: ['school'], unitIds: [2] });
    expect(some).toEqual({ allUnits: false, unitTypes: ['school'], regionIds: [], unitIds: [2] });
    expect(scopeIsEmpty(some)).toBe(false);
    expect(scopeIsEmpty(scopeBody({ scopeMode: 'some' }))).toBe(true);
  });

  it('trims text, nulls what was cleared and titles documents by their name when untitled', () => {
    const body = campaignFields({
      name: ' 2026 年创建全国文明城市 ',
      titles: ['civilized_city'],
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      description: '   ',
      scopeMode: 'all',
      documents: [{ id: 'f', title: ' ', name: '方案.pdf', mime: 'application/pdf', size: 1 }],
      remindDaysBefore: 3,
      escalateEveryDays: 2,
    });
    expect(body).toMatchObject({
      name: '2026 年创建全国文明城市',
      description: null,
      leadingGroupId: null,
      documents: [{ fileId: 'f', title: '方案.pdf' }],
    });
  });
});

describe('task form', () => {
  it('sends a due date for a one-off task and a range with a day for a repeating one', () => {
    expect(scheduleFields({ recurrence: 'once', dueOn: '2026-03-31', repeatFrom: '2026-01-01', repeatDay: 3 })).toEqual(
      {
        recurrence: 'once',
        dueOn: '2026-03-31',
        repeatFrom: null,
        repeatUntil: null,
        repeatDay: null,
      },
    );
    expect(
      scheduleFields({
        recurrence: 'weekly',
        dueOn: '2026-03-31',
        repeatFrom: '2026-03-02',
        repeatUntil: '2026-06-29',
        repeatDay: 1,
      }),
    ).toEqual({ recurrence: 'weekly', dueOn: null, repeatFrom: '2026-03-02', repeatUntil: '2026-06-29', repeatDay: 1 });
  });

  it('defaults evidence and weight, and drops a metric unit without a metric', () => {
    const body = taskFields({ content: ' 悬挂公益广告 ', recurrence: 'once', dueOn: '2026-03-31', metricUnit: '条' });
    expect(body).toMatchObject({
      content: '悬挂公益广告',
      evidencePhotos: 0,
      evidenceFiles: 0,
      weight: 1,
      metricName: null,
      metricUnit: null,
      cooperatingUnitIds: [],
    });
  });
});
