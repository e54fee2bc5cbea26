import { zonedDateOf } from '../core/time/zoned';
import type { CsvCell, CsvSheet } from '../utils/csv';
import type { Roster } from './session-staff';

/** The roster as a sheet to print: a heading, then one line per person, confirmed first. */
export const rosterSheet = (r: Roster, tz: string): CsvSheet => {
  const start = new Date(r.session.start);
  const end = new Date(r.session.end);
  const date = zonedDateOf(start, tz);
  const time = `${date} ${r.session.start.slice(11, 16)}–${zonedDateOf(end, tz) === date ? r.session.end.slice(11, 16) : r.session.end.slice(0, 16).replace('T', ' ')}`;
  const line = (p: Roster['confirmed'][number], i: number): CsvCell[] => [
    i + 1,
    p.status === 'confirmed' ? '正式 confirmed' : `候补 waiting ${p.position ?? ''}`.trim(),
    p.name,
    p.phone,
    p.email,
    p.people,
    p.note,
    p.present ? p.presentPeople : null,
  ];
  const rows: CsvCell[][] = [
    ['活动 Activity', r.activity.title ?? r.activity.slug ?? r.activity.id],
    ['时间 Time', time],
    ['地点 Room', r.session.room?.name ?? ''],
    ...(r.session.status === 'cancelled' ? [['状态 Status', `已取消 cancelled${r.session.note ? `: ${r.session.note}` : ''}`]] : []),
    [],
    ['序号 No.', '状态 Status', '姓名 Name', '电话 Phone', '邮箱 E-mail', '人数 People', '备注 Note', '到场 Present'],
    ...r.confirmed.map(line),
    ...r.waitlist.map((p, i) => line(p, r.confirmed.length + i)),
  ];
  if (r.attendance.marked) rows.push([], ['散客 Walk-ins', '', '', '', '', '', '', r.attendance.walkIns], ['合计人次 Person-visits', '', '', '', '', '', '', r.attendance.personVisits]);
  return { filename: `roster-${r.activity.slug ?? r.activity.id}-${date}.csv`, rows };
};
