import { describe, expect, it } from 'vitest';
import {
  checkRow,
  emptyRow,
  isBlankRow,
  locateFieldError,
  opinionLines,
  parseBatchDraft,
  rowErrorsOf,
  visitOfRow,
} from './batch-rows';

const texts = {
  noConsent: 'no consent',
  phone: 'phone',
  tooLong: (max: number) => `max ${max}`,
  tooMany: (max: number) => `many ${max}`,
  date: 'date',
};

describe('batch rows', () => {
  it('splits opinions one per line', () => {
    expect(opinionLines(' a \n\n b\r\nc ')).toEqual(['a', 'b', 'c']);
  });

  it('checks a row like the server would', () => {
    const row = { ...emptyRow('row-12345678', '2026-05-02'), intervieweeName: '李四', phone: '123' };
    expect(checkRow(row, texts)).toEqual({ intervieweeName: 'no consent', phone: 'phone' });
    expect(checkRow({ ...row, nameConsent: true, phone: '0318-1234567' }, texts)).toEqual({});
    expect(checkRow({ ...row, nameConsent: true, phone: '', visitedOn: '' }, texts)).toEqual({ visitedOn: 'date' });
  });

  it('turns a row into a visit', () => {
    const v = visitOfRow(
      { ...emptyRow('row-12345678', '2026-05-02', ['明白纸']), buildingId: 9, opinions: '路灯不亮\n垃圾清运不及时' },
      3,
    );
    expect(v).toMatchObject({
      assignmentId: 3,
      buildingId: 9,
      nameConsent: false,
      intervieweeName: null,
      materials: ['明白纸'],
      opinions: [{ text: '路灯不亮' }, { text: '垃圾清运不及时' }],
      idempotencyKey: 'row-12345678',
    });
    expect(new Date(v.visitedAt!).getDate()).toBe(2);
    // Today before noon: now, not a time still to come.
    const morning = new Date(2026, 4, 2, 9, 30);
    expect(visitOfRow(emptyRow('row-12345678', '2026-05-02'), 3, morning).visitedAt).toBe(morning.toISOString());
  });

  it('knows a blank row', () => {
    expect(isBlankRow(emptyRow('row-12345678', '2026-05-02', ['明白纸']))).toBe(true);
    expect(isBlankRow({ ...emptyRow('row-12345678', '2026-05-02'), household: '301' })).toBe(false);
  });

  it('puts server field errors on the row and column they name', () => {
    expect(locateFieldError('body/visits/3/phone')).toEqual({ index: 3, column: 'phone' });
    expect(locateFieldError('/visits/0/opinions/1/text')).toEqual({ index: 0, column: 'opinions' });
    expect(locateFieldError('/visits/2')).toEqual({ index: 2, column: null });
    expect(locateFieldError('body/visits/4//phone')).toEqual({ index: 4, column: 'phone' });
    expect(locateFieldError('/other')).toBeNull();
    const { byRow, unplaced } = rowErrorsOf(
      [
        { path: 'body/visits/1/phone', message: 'bad phone' },
        { path: 'body/visits/1/visitedAt', message: 'future' },
        { path: 'body/visits/0', message: '' },
        { path: 'body/visits/9/phone', message: 'nowhere' },
      ],
      ['a', 'b'],
      'fallback',
    );
    expect(byRow.get('b')).toEqual({ phone: 'bad phone', visitedOn: 'future' });
    expect(byRow.get('a')).toEqual({ row: 'fallback' });
    expect(unplaced).toEqual(['nowhere']);
  });

  it('reads its draft defensively', () => {
    expect(parseBatchDraft('nope')).toBeNull();
    const d = parseBatchDraft(
      JSON.stringify({ assignmentId: 5, rows: [{ key: 'short' }, { ...emptyRow('row-12345678', 'x'), phone: 1 }] }),
    );
    expect(d?.assignmentId).toBe(5);
    expect(d?.rows).toHaveLength(1);
    expect(d?.rows[0]).toMatchObject({ visitedOn: '', phone: '' });
  });
});
