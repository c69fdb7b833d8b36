// The official Chinese public-holiday arrangement (国务院办公厅关于部分节假日安排的通知) for the
// years the product ships with. `holidays` are days off (including weekend days inside a holiday
// block); `workdays` are the swapped weekend days that are worked (调休上班); `names` says which
// festival each date belongs to. A city's own calendar replaces a year here once it is edited.

export interface HolidayYear {
  year: number;
  holidays: string[];
  workdays: string[];
  names?: Record<string, string>;
}

interface Block {
  name: string;
  from: string;
  to: string;
  /** Weekend days worked in exchange. */
  workdays?: string[];
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function year(value: number, blocks: Block[]): HolidayYear {
  const names: Record<string, string> = {};
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const block of blocks) {
    for (const date of range(block.from, block.to)) {
      holidays.push(date);
      names[date] = block.name;
    }
    for (const date of block.workdays ?? []) {
      workdays.push(date);
      names[date] = `${block.name}调休上班`;
    }
  }
  return { year: value, holidays, workdays: workdays.sort(), names };
}

export const CN_HOLIDAYS: HolidayYear[] = [
  year(2025, [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
  ]),
  year(2026, [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
  ]),
];
