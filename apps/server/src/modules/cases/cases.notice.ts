// The 限期整改通知单 (rectification notice): a Word document sent to a responsible unit listing the
// problems found in its area, each with its photos, and the date by which they must be put right.
// Laid out after GB/T 9704-2012 (layout of official documents of party and government organs):
// A4 with the standard margins, a red issuer mark, the document number over a red rule, a
// 小标宋 title and a 仿宋 三号 body. Pure: data in, .docx bytes out; no database, no clock.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';

export interface NoticePhoto {
  /** JPEG bytes. */
  data: Buffer;
  /** Pixel size of the image, which sets its aspect ratio in the document. */
  width: number;
  height: number;
}

export interface NoticeItem {
  code: string;
  category: string;
  address: string | null;
  description: string;
  reportedAt: Date;
  /** The item's own rectify-by date; the notice's deadline applies when null. */
  deadline: Date | null;
  photos: NoticePhoto[];
}

export interface NoticeData {
  /** 发文机关, e.g. '示范市创建全国文明城市工作指挥部办公室'. */
  issuer: string;
  /** 发文字号, e.g. '示范创城办〔2026〕12号'. */
  number: string;
  /** 主送机关: the responsible unit's name. */
  addressee: string;
  items: NoticeItem[];
  /** Rectify-by date for the whole notice. */
  deadline: Date;
  issuedAt: Date;
  /** Dates are printed on the wall clock at this offset, e.g. 480 for China. */
  utcOffsetMinutes: number;
  contact?: { name: string; phone: string } | null;
}

// ---------------------------------------------------------------------------------------------
// Small formatting helpers
// ---------------------------------------------------------------------------------------------

/** A date as written in official documents, on the local wall clock: '2026年3月2日'. */
export function formatChineseDate(d: Date, utcOffsetMinutes: number): string {
  const local = new Date(d.getTime() + utcOffsetMinutes * 60_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals as used for headings: 一, 十, 十一, 二十, 二十三. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`No Chinese numeral for ${n} (1–99 only)`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return DIGITS[units];
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[units]}`;
}

/** Pixels (at 96 dpi, docx's unit for images) per centimetre. */
const PX_PER_CM = 96 / 2.54;
/** Photos fit in a 14 cm × 10.5 cm box (a 4:3 landscape photo fills it), so two fit on a page. */
export const PHOTO_MAX_WIDTH_PX = Math.round(14 * PX_PER_CM);
export const PHOTO_MAX_HEIGHT_PX = Math.round(10.5 * PX_PER_CM);
const PHOTOS_PER_ITEM = 2;

/** The display size of a photo: scaled down (never up) to fit the photo box, aspect ratio kept. */
export function fitPhoto(width: number, height: number): { width: number; height: number } {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new RangeError(`Invalid photo size ${width}×${height}`);
  }
  const scale = Math.min(1, PHOTO_MAX_WIDTH_PX / width, PHOTO_MAX_HEIGHT_PX / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The width of the text block: 210 mm − 28 mm − 26 mm = 156 mm, in points. */
const TEXT_WIDTH_PT = (156 / 25.4) * 72;

/**
 * Font size and horizontal scale of the issuer mark so that it stays on one line: as large as
 * 小初 (36 pt) when it fits, no smaller than 一号 (26 pt), and squeezed horizontally beyond that,
 * as printed document heads are. Full-width characters count one em, others half.
 */
export function fitIssuerMark(issuer: string): { sizePt: number; scalePercent: number } {
  const ems = [...issuer].reduce((sum, ch) => sum + ((ch.codePointAt(0) ?? 0) <= 0xff ? 0.5 : 1), 0);
  if (ems === 0) return { sizePt: 36, scalePercent: 100 };
  const sizePt = Math.min(36, Math.max(26, Math.floor(TEXT_WIDTH_PT / ems)));
  const scalePercent = Math.max(50, Math.min(100, Math.floor((TEXT_WIDTH_PT / (ems * sizePt)) * 100)));
  return { sizePt, scalePercent };
}

/** Characters that are not allowed in XML 1.0 (users paste all sorts of things into descriptions). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function clean(text: string): string {
  return text.replace(XML_INVALID, '');
}

// ---------------------------------------------------------------------------------------------
// Typography (GB/T 9704)
// ---------------------------------------------------------------------------------------------

const RED = 'FF0000';
/** Font sizes, in half-points as docx expects: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const SIZE_ERHAO = 44;
const SIZE_SANHAO = 32;
const SIZE_SIHAO = 28;
/** One character of 三号 text, in twips. */
const CHAR_TWIPS = 320;
/** 22 lines in the 225 mm text block: 28.95 pt per line. */
const LINE_TWIPS = 579;

/** Millimetres to twips (docx's own converter truncates: 210 mm would become 11905, not A4's 11906). */
const mm = (millimetres: number) => Math.round((millimetres / 25.4) * 1440);

/** The Latin and East Asian font of each role. */
const FONTS = {
  mark: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun' },
  title: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun' },
  heading: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  body: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  pageNumber: { eastAsia: '宋体', ascii: 'SimSun', hAnsi: 'SimSun' },
} as const;

/**
 * OOXML names one font per run and has no fallback list; Word substitutes a missing font using its
 * font-table entry instead. Declaring the Chinese fonts with their alternative name, the GB2312
 * character set and SimSun's classification makes a machine without 方正小标宋简体 fall back to
 * SimSun (宋体), and one without the Chinese names find FangSong / SimHei.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

const BODY_RUN: RunStyle = { font: FONTS.body, size: SIZE_SANHAO };
const EXACT_LINE = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT } as const;

/** Text runs for possibly multi-line text: each line after the first starts after a line break. */
function runs(text: string, style: RunStyle = BODY_RUN): TextRun[] {
  return clean(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ ...style, text: line, break: i === 0 ? undefined : 1 }));
}

/** A body paragraph: 仿宋 三号, first line indented two characters, justified. */
function bodyParagraph(children: TextRun[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 },
    spacing: EXACT_LINE,
    children,
  });
}

/** A labelled line of an item, e.g. '地点：人民路与解放路交叉口'. */
function fieldParagraph(label: string, value: string): Paragraph {
  return bodyParagraph([new TextRun({ ...BODY_RUN, text: `${label}：` }), ...runs(value)]);
}

/** A right-aligned line of the signature block, four characters in from the margin. */
function signatureParagraph(text: string, before = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: 4 * CHAR_TWIPS },
    spacing: { ...EXACT_LINE, before },
    children: runs(text),
  });
}

// ---------------------------------------------------------------------------------------------
// The notice
// ---------------------------------------------------------------------------------------------

function headParagraphs(data: NoticeData): Paragraph[] {
  const mark = fitIssuerMark(data.issuer);
  return [
    // 发文机关标志: red, centred, one line.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 2 * LINE_TWIPS },
      children: runs(data.issuer, {
        font: FONTS.mark,
        size: mark.sizePt * 2,
        bold: true,
        color: RED,
        scale: mark.scalePercent === 100 ? undefined : mark.scalePercent,
      }),
    }),
    // 发文字号, with the red rule under it (GB/T 9704: 4 mm below the number).
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: EXACT_LINE,
      border: { bottom: { style: BorderStyle.SINGLE, size: 24, color: RED, space: 11 } },
      children: runs(data.number),
    }),
    // 标题, two lines below the rule.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 2 * LINE_TWIPS, after: LINE_TWIPS },
      children: runs('限期整改通知单', { font: FONTS.title, size: SIZE_ERHAO }),
    }),
    // 主送机关, flush left.
    new Paragraph({ spacing: EXACT_LINE, children: runs(`${data.addressee}：`) }),
  ];
}

function photoParagraphs(photos: NoticePhoto[]): Paragraph[] {
  return photos.slice(0, PHOTOS_PER_ITEM).map(
    (photo) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // Exact line spacing would clip the image; photo paragraphs size to their content.
        spacing: { before: 120, after: 120 },
        children: [
          new ImageRun({ type: 'jpg', data: photo.data, transformation: fitPhoto(photo.width, photo.height) }),
        ],
      }),
  );
}

function itemParagraphs(item: NoticeItem, index: number, data: NoticeData): Paragraph[] {
  const date = (d: Date) => formatChineseDate(d, data.utcOffsetMinutes);
  const number = index <= 99 ? `${chineseNumeral(index)}、` : `${index}. `;
  return [
    bodyParagraph(runs(`${number}${item.category}（编号 ${item.code}）`, { font: FONTS.heading, size: SIZE_SANHAO })),
    fieldParagraph('地点', item.address?.trim() || '—'),
    fieldParagraph('问题', item.description),
    fieldParagraph('发现时间', date(item.reportedAt)),
    fieldParagraph('整改时限', `${date(item.deadline ?? data.deadline)}前`),
    ...photoParagraphs(item.photos),
  ];
}

function bodyParagraphs(data: NoticeData): Paragraph[] {
  const deadline = formatChineseDate(data.deadline, data.utcOffsetMinutes);
  const paragraphs = [
    bodyParagraph(
      runs(`在城市管理督查中，发现你单位责任区域内存在以下问题，现通知你单位于${deadline}前整改到位。具体问题如下：`),
    ),
    ...data.items.flatMap((item, i) => itemParagraphs(item, i + 1, data)),
    bodyParagraph(
      runs(
        `请你单位高度重视，立即组织整改，并于${deadline}前将整改情况书面报送我办（附整改前后对比照片）。` +
          '逾期未整改或整改不到位的，将提请督办，并纳入文明城市创建工作考核。',
      ),
    ),
  ];
  if (data.contact) {
    paragraphs.push(bodyParagraph(runs(`联系人：${data.contact.name}，联系电话：${data.contact.phone}。`)));
  }
  return paragraphs;
}

function signatureParagraphs(data: NoticeData): Paragraph[] {
  return [
    signatureParagraph('（盖章）', 2 * LINE_TWIPS),
    signatureParagraph(data.issuer),
    signatureParagraph(formatChineseDate(data.issuedAt, data.utcOffsetMinutes)),
  ];
}

/** 页码: '— 1 —', 四号 宋体, centred under the text block. */
function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ font: FONTS.pageNumber, size: SIZE_SIHAO, children: ['— ', PageNumber.CURRENT, ' —'] }),
        ],
      }),
    ],
  });
}

/** The notice as .docx bytes. */
export async function buildRectificationNotice(data: NoticeData): Promise<Buffer> {
  const document = new Document({
    title: `限期整改通知单 ${clean(data.number)}`,
    creator: clean(data.issuer),
    styles: { default: { document: { run: BODY_RUN } } },
    sections: [
      {
        properties: {
          page: {
            // In twips: Word and LibreOffice do not all read universal measures ('37mm') here.
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(20) },
          },
        },
        footers: { default: pageNumberFooter() },
        children: [...headParagraphs(data), ...bodyParagraphs(data), ...signatureParagraphs(data)],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
