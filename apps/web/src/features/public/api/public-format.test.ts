import { describe, expect, it } from 'vitest';
import { buildReportBody, categoryGroups, isLogAction, publicStage, trackingUrl } from './public-format';
import { emptyContent } from './public-draft';

describe('categoryGroups', () => {
  it('groups leaves under their top-level category, with paths for deeper levels', () => {
    const groups = categoryGroups([
      { id: 1, parentId: null, name: '市容环境' },
      { id: 2, parentId: 1, name: '垃圾' },
      { id: 3, parentId: 2, name: '暴露垃圾' },
      { id: 4, parentId: 1, name: '乱涂乱画' },
      { id: 5, parentId: null, name: '其他' },
      { id: 6, parentId: 99, name: '孤儿分类' },
    ]);
    expect(groups).toEqual([
      {
        label: '市容环境',
        options: [
          { value: 3, label: '垃圾 / 暴露垃圾' },
          { value: 4, label: '乱涂乱画' },
        ],
      },
      { label: '其他', options: [{ value: 5, label: '其他' }] },
      { label: '孤儿分类', options: [{ value: 6, label: '孤儿分类' }] },
    ]);
  });

  it('does not loop on a cycle', () => {
    const groups = categoryGroups([
      { id: 1, parentId: null, name: 'A' },
      { id: 2, parentId: 1, name: 'B' },
      { id: 3, parentId: 3, name: 'C' },
    ]);
    expect(groups.flatMap((g) => g.options.map((o) => o.value)).sort()).toEqual([2, 3]);
  });
});

describe('public case words', () => {
  it('maps statuses to stages', () => {
    expect(publicStage('reported')).toBe('received');
    expect(publicStage('dispatched')).toBe('handling');
    expect(publicStage('handled')).toBe('handling');
    expect(publicStage('closed')).toBe('fixed');
    expect(publicStage('voided')).toBe('closedOther');
  });

  it('knows which log actions have labels', () => {
    expect(isLogAction('dispatch')).toBe(true);
    expect(isLogAction('not_fixed')).toBe(true);
    expect(isLogAction('mystery')).toBe(false);
  });

  it('builds tracking addresses', () => {
    expect(trackingUrl('https://x.gov.cn/', 'abc_DEF-123')).toBe('https://x.gov.cn/public/track/abc_DEF-123');
  });
});

describe('buildReportBody', () => {
  it('leaves out empty optional fields instead of sending nulls', () => {
    const body = buildReportBody(
      {
        ...emptyContent(),
        categoryId: 3,
        description: '  垃圾  ',
        photos: [{ fileId: 'f1', thumb: null }],
        communityId: 15,
        address: '  ',
      },
      'key-12345678',
    );
    expect(body).toEqual({
      categoryId: 3,
      description: '垃圾',
      photos: ['f1'],
      communityId: 15,
      idempotencyKey: 'key-12345678',
    });
    expect('lat' in body).toBe(false);
  });

  it('sends the position, address and contact when given', () => {
    const body = buildReportBody(
      {
        ...emptyContent(),
        categoryId: 3,
        description: 'x',
        location: { lat: 30.1, lng: 120.2, accuracy: 12 },
        address: '人民路',
        name: ' 张三 ',
        phone: '13800138000',
      },
      'k',
    );
    expect(body).toMatchObject({
      lat: 30.1,
      lng: 120.2,
      address: '人民路',
      reporterName: '张三',
      reporterPhone: '13800138000',
    });
    expect('communityId' in body).toBe(false);
  });
});
