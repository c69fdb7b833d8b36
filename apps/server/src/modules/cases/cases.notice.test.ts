import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  buildRectificationNotice,
  chineseNumeral,
  fitIssuerMark,
  fitPhoto,
  formatChineseDate,
  PHOTO_MAX_HEIGHT_PX,
  PHOTO_MAX_WIDTH_PX,
  type NoticeData,
  type NoticeItem,
} from './cases.notice.js';

const jpeg = (background: string, width = 40, height = 30) =>
  sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();

const item = (overrides: Partial<NoticeItem> = {}): NoticeItem => ({
  code: 'AJ20260301001',
  category: '垃圾桶破损',
  address: '人民路与解放路交叉口',
  description: '垃圾桶破损，垃圾满溢',
  reportedAt: new Date('2026-03-01T02:00:00Z'),
  deadline: null,
  photos: [],
  ...overrides,
});

const notice = (overrides: Partial<NoticeData> = {}): NoticeData => ({
  issuer: '示范市创建全国文明城市工作指挥部办公室',
  number: '示范创城办〔2026〕12号',
  addressee: '示范市东城区城市管理局',
  items: [item()],
  deadline: new Date('2026-03-09T09:00:00Z'),
  issuedAt: new Date('2026-03-01T17:00:00Z'),
  utcOffsetMinutes: 480,
  contact: null,
  ...overrides,
});

/** The document's parts, its body XML and its plain text (all w:t runs joined). */
async function open(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/') && !zip.files[name].dir);
  return { zip, xml, text, media };
}

describe('formatChineseDate', () => {
  it('prints the local date without leading zeros', () => {
    expect(formatChineseDate(new Date('2026-03-02T04:00:00Z'), 480)).toBe('2026年3月2日');
    expect(formatChineseDate(new Date('2026-12-25T04:00:00Z'), 480)).toBe('2026年12月25日');
  });

  it('uses the local wall clock across the UTC date boundary', () => {
    expect(formatChineseDate(new Date('2026-03-01T17:00:00Z'), 480)).toBe('2026年3月2日');
    expect(formatChineseDate(new Date('2026-03-01T15:59:59Z'), 480)).toBe('2026年3月1日');
    expect(formatChineseDate(new Date('2026-03-01T16:00:00Z'), 480)).toBe('2026年3月2日');
    expect(formatChineseDate(new Date('2026-03-01T17:00:00Z'), 0)).toBe('2026年3月1日');
    expect(formatChineseDate(new Date('2026-03-01T03:00:00Z'), -300)).toBe('2026年2月28日');
  });

  it('rolls over months and years', () => {
    expect(formatChineseDate(new Date('2025-12-31T16:30:00Z'), 480)).toBe('2026年1月1日');
    expect(formatChineseDate(new Date('2028-02-28T16:00:00Z'), 480)).toBe('2028年2月29日');
  });
});

describe('chineseNumeral', () => {
  it('writes 1–99 as headings do', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [2, '二'],
      [9, '九'],
      [10, '十'],
      [11, '十一'],
      [19, '十九'],
      [20, '二十'],
      [23, '二十三'],
      [30, '三十'],
      [99, '九十九'],
    ];
    for (const [n, numeral] of cases) expect(chineseNumeral(n), String(n)).toBe(numeral);
  });

  it('rejects numbers it cannot write', () => {
    for (const n of [0, -1, 100, 1.5, NaN, Infinity]) expect(() => chineseNumeral(n), String(n)).toThrow(RangeError);
  });
});

describe('fitPhoto', () => {
  it('keeps small photos at their own size', () => {
    expect(fitPhoto(40, 30)).toEqual({ width: 40, height: 30 });
  });

  it('scales a wide photo to 14 cm wide, keeping the aspect ratio', () => {
    expect(PHOTO_MAX_WIDTH_PX).toBe(529); // 14 cm at 96 dpi
    const { width, height } = fitPhoto(4000, 2000);
    expect(width).toBe(PHOTO_MAX_WIDTH_PX);
    expect(height).toBe(Math.round(PHOTO_MAX_WIDTH_PX / 2));
  });

  it('fills the box exactly with a 4:3 landscape photo', () => {
    expect(fitPhoto(4032, 3024)).toEqual({ width: PHOTO_MAX_WIDTH_PX, height: PHOTO_MAX_HEIGHT_PX });
  });

  it('limits the height of portrait photos so that two fit on a page', () => {
    const { width, height } = fitPhoto(3024, 4032);
    expect(height).toBe(PHOTO_MAX_HEIGHT_PX);
    expect(width).toBe(Math.round((PHOTO_MAX_HEIGHT_PX * 3) / 4));
    expect(width).toBeLessThanOrEqual(PHOTO_MAX_WIDTH_PX);
  });

  it('never rounds a thin photo down to nothing', () => {
    expect(fitPhoto(100_000, 10)).toEqual({ width: PHOTO_MAX_WIDTH_PX, height: 1 });
  });

  it('rejects impossible sizes', () => {
    for (const [w, h] of [
      [0, 30],
      [40, 0],
      [-1, 30],
      [NaN, 30],
      [Infinity, 30],
    ]) {
      expect(() => fitPhoto(w, h)).toThrow(RangeError);
    }
  });
});

describe('fitIssuerMark', () => {
  it('prints a short issuer at 小初 (36 pt) unscaled', () => {
    expect(fitIssuerMark('示范市人民政府')).toEqual({ sizePt: 36, scalePercent: 100 });
  });

  it('shrinks a longer issuer to fit the 156 mm line', () => {
    // 156 mm = 442 pt; 14 characters → 31 pt each.
    expect(fitIssuerMark('示范市创建全国文明城市指挥部')).toEqual({ sizePt: 31, scalePercent: 100 });
  });

  it('squeezes a very long issuer horizontally below 一号 (26 pt)', () => {
    const { sizePt, scalePercent } = fitIssuerMark('示范市创建全国文明城市工作指挥部办公室'); // 19 characters
    expect(sizePt).toBe(26);
    expect(scalePercent).toBe(89);
    expect(19 * sizePt * (scalePercent / 100)).toBeLessThanOrEqual(442.3);
  });

  it('counts Latin characters as half width and copes with empty text', () => {
    expect(fitIssuerMark('ABCDEFGHIJKLMNOPQRSTUVWX').sizePt).toBe(36); // 12 ems
    expect(fitIssuerMark('')).toEqual({ sizePt: 36, scalePercent: 100 });
  });
});

describe('buildRectificationNotice', () => {
  it('writes the head, every item, the closing and the signature block', async () => {
    const photo = await jpeg('#c00');
    const docx = await buildRectificationNotice(
      notice({
        items: [
          item({ photos: [{ data: photo, width: 40, height: 30 }] }),
          item({
            code: 'AJ20260301002',
            category: '占道经营',
            address: null,
            description: '商户在人行道上摆摊',
            reportedAt: new Date('2026-02-27T17:30:00Z'),
            deadline: new Date('2026-03-04T09:00:00Z'),
          }),
        ],
        contact: { name: '张三', phone: '0371-12345678' },
      }),
    );
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const { text, media } = await open(docx);

    expect(text).toContain('示范市创建全国文明城市工作指挥部办公室');
    expect(text).toContain('示范创城办〔2026〕12号');
    expect(text).toContain('限期整改通知单');
    expect(text).toContain('示范市东城区城市管理局：');
    expect(text).toContain('于2026年3月9日前整改到位');
    expect(text).toContain('一、垃圾桶破损（编号 AJ20260301001）');
    expect(text).toContain('二、占道经营（编号 AJ20260301002）');
    expect(text).toContain('地点：人民路与解放路交叉口');
    expect(text).toContain('地点：—');
    expect(text).toContain('问题：商户在人行道上摆摊');
    expect(text).toContain('发现时间：2026年3月1日');
    expect(text).toContain('发现时间：2026年2月28日'); // 01:30 in Beijing
    expect(text).toContain('整改时限：2026年3月9日前'); // the notice's deadline
    expect(text).toContain('整改时限：2026年3月4日前'); // the item's own
    expect(text).toContain('督办');
    expect(text).toContain('考核');
    expect(text).toContain('联系人：张三，联系电话：0371-12345678');
    expect(text).toContain('（盖章）');
    // Signed by the issuer, dated on the Beijing wall clock (17:00Z is the next morning).
    expect(text.endsWith('（盖章）示范市创建全国文明城市工作指挥部办公室2026年3月2日')).toBe(true);
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.jpe?g$/);
  });

  it('lays the page out after GB/T 9704', async () => {
    const { xml, zip } = await open(await buildRectificationNotice(notice()));
    // A4, margins 37 / 35 / 28 / 26 mm (1 mm = 56.69 twips).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // The red issuer mark, the red rule under the number.
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>[^]*示范市创建全国文明城市工作指挥部办公室/);
    expect(xml).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="24"/);
    // Title in 小标宋 二号, body in 仿宋 三号 indented two characters.
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?限期整改通知单/);
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:firstLineChars="200"');
    // Missing fonts fall back through the font table.
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/>');
  });

  it('prints at most two photos per item', async () => {
    const photos = await Promise.all(
      ['#c00', '#0c0', '#00c'].map(async (colour) => ({ data: await jpeg(colour), width: 40, height: 30 })),
    );
    const { media } = await open(await buildRectificationNotice(notice({ items: [item({ photos })] })));
    expect(media).toHaveLength(2);
  });

  it('scales large photos in the document', async () => {
    const data = await jpeg('#888', 2000, 1000);
    const { xml } = await open(
      await buildRectificationNotice(notice({ items: [item({ photos: [{ data, width: 2000, height: 1000 }] })] })),
    );
    // 14 cm × 7 cm in EMUs (9525 per pixel).
    expect(xml).toContain(`<wp:extent cx="${529 * 9525}" cy="${265 * 9525}"/>`);
  });

  it('escapes markup, keeps line breaks and drops characters XML cannot hold', async () => {
    const { xml, text } = await open(
      await buildRectificationNotice(
        notice({
          addressee: 'A&B <物业> 公司',
          items: [item({ description: '第一行\n第二行\u0007' })],
        }),
      ),
    );
    expect(text).toContain('A&amp;B &lt;物业&gt; 公司：');
    expect(text).toContain('问题：第一行第二行');
    expect(xml).toMatch(/第一行<\/w:t><\/w:r><w:r>.*?<w:br\/><w:t[^>]*>第二行</);
    expect(xml).not.toContain('\u0007');
  });

  it('builds a notice without items or contact', async () => {
    const { text, media } = await open(await buildRectificationNotice(notice({ items: [], contact: undefined })));
    expect(text).toContain('限期整改通知单');
    expect(text).not.toContain('联系人');
    expect(text).not.toContain('一、');
    expect(media).toHaveLength(0);
  });

  it('numbers items past ten in Chinese', async () => {
    const items = Array.from({ length: 12 }, (_, i) => item({ code: `C${i + 1}` }));
    const { text } = await open(await buildRectificationNotice(notice({ items })));
    expect(text).toContain('十、垃圾桶破损（编号 C10）');
    expect(text).toContain('十二、垃圾桶破损（编号 C12）');
  });
});
