// The printable hours record (志愿服务记录证明) as a Word document, with the fields the national
// volunteer-record rules ask for: name, ID type and masked number, volunteer number, hours,
// service content, issuing organisation, handler, date and certificate number — and a line saying
// it is a record of this platform. Pure: data in, .docx bytes out.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export interface CertificateData {
  title: string;
  number: string;
  name: string;
  idType: string | null;
  idNumberMasked: string | null;
  volunteerNo: string | null;
  period: { from: string; to: string };
  minutes: number;
  services: { date: string; title: string; organiser: string; minutes: number }[];
  issuer: string;
  handler: string;
  issuedOn: string;
  label: string;
}

/** Hours with one decimal, as printed: 75 minutes → '1.3'. */
export function hoursText(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}

const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const run = (text: string, bold = false, size = 28) => new TextRun({ text, bold, size, font: FONT });
const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [run(text, bold, 24)] })] });

export async function buildCertificate(data: CertificateData): Promise<Buffer> {
  const fields: [string, string][] = [
    ['证明编号', data.number],
    ['姓名', data.name],
    ['证件类型及号码', data.idType ? `${data.idType} ${data.idNumberMasked ?? ''}`.trim() : '未登记'],
    ['志愿者编号', data.volunteerNo ?? '未登记'],
    ['记录期间', `${data.period.from} 至 ${data.period.to}`],
    ['服务时长', `${hoursText(data.minutes)} 小时（${data.minutes} 分钟），共 ${data.services.length} 次`],
  ];
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = {
    top: border,
    bottom: border,
    left: border,
    right: border,
    insideHorizontal: border,
    insideVertical: border,
  };
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: data.title, bold: true, size: 44, font: { eastAsia: '方正小标宋简体' } })],
          }),
          ...fields.map(
            ([k, v]) => new Paragraph({ spacing: { after: 120 }, children: [run(`${k}：`, true), run(v)] }),
          ),
          new Paragraph({ spacing: { before: 240, after: 120 }, children: [run('服务内容', true)] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders,
            rows: [
              new TableRow({
                tableHeader: true,
                children: ['日期', '活动', '组织者', '时长（小时）'].map((h) => cell(h, true)),
              }),
              ...data.services.map(
                (s) =>
                  new TableRow({
                    children: [cell(s.date), cell(s.title), cell(s.organiser), cell(hoursText(s.minutes))],
                  }),
              ),
            ],
          }),
          new Paragraph({ spacing: { before: 360 }, children: [run(data.label, false, 24)] }),
          new Paragraph({
            spacing: { before: 480 },
            alignment: AlignmentType.RIGHT,
            children: [run(`出具单位：${data.issuer}`)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`经办人：${data.handler}`)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`出具日期：${data.issuedOn}`)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
