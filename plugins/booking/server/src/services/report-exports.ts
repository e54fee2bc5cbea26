import type ExcelJS from 'exceljs';
import type { Figures, SessionLine } from '../core/reports/figures';
import type { CsvCell, CsvSheet } from '../utils/csv';
import type { ServiceReport } from './service-report';

/** The service report as files staff download: a workbook (one sheet per table) and the sessions as CSV. */

const STATUS: Record<SessionLine['status'], string> = { held: '已开展 held', cancelled: '已取消 cancelled', upcoming: '未开始 upcoming' };
const KIND: Record<SessionLine['kind'], string> = { course: '课程 course', event: '活动 event' };

const SESSION_HEADER = ['日期 Date', '开始 Start', '结束 End', '活动 Activity', '类型 Kind', '分类 Category', '功能室 Room', '对象 Audience', '状态 Status', '报名 Enrolled', '签到 Present', '现场 Walk-ins'];
const sessionRow = (s: SessionLine): CsvCell[] => [s.date, s.start, s.end, s.activity, KIND[s.kind], s.category ?? '', s.room ?? '', s.audience ?? '', STATUS[s.status], s.enrolled, s.present ?? '', s.walkIns ?? ''];

export const reportFilename = (r: ServiceReport, ext: 'xlsx' | 'csv') => `service-report-${r.period.from}-${r.period.to}.${ext}`;

export const sessionsSheet = (r: ServiceReport): CsvSheet => ({ filename: reportFilename(r, 'csv'), rows: [SESSION_HEADER, ...r.sessions.map(sessionRow)] });

const summaryRows = (r: ServiceReport): CsvCell[][] => {
  const line = (label: string, pick: (f: Figures) => number): CsvCell[] => [label, pick(r.current), pick(r.previousFigures), pick(r.lastYearFigures)];
  return [
    ['指标 Figure', `本期 ${r.period.from} – ${r.period.to}`, `上期 ${r.previous.from} – ${r.previous.to}`, `去年同期 ${r.lastYear.from} – ${r.lastYear.to}`],
    line('开展活动（场） Sessions held', (f) => f.activities.held),
    line('取消活动（场） Sessions cancelled', (f) => f.activities.cancelled),
    line('服务人次 Person-visits', (f) => f.visits.total),
    line('签到人次 Present (enrolled)', (f) => f.visits.present),
    line('现场参加人次 Walk-ins', (f) => f.visits.walkIns),
    line('未签到场次 Sessions not marked', (f) => f.visits.sessionsUnmarked),
    line('未签到场次的报名人数 Enrolled at sessions not marked', (f) => f.visits.enrolledInUnmarked),
    line('服务居民（人） Unique people', (f) => f.people.unique),
    line('新服务居民（人） New people', (f) => f.people.new),
    line('爽约 No-shows', (f) => f.noShows),
    line('临时取消 Late cancellations', (f) => f.lateCancellations),
    line('预约时长（小时） Hours booked', (f) => f.rooms.reduce((n, x) => n + x.hoursBooked, 0)),
    line('服务团体 Groups served', (f) => f.rooms.reduce((n, x) => n + x.groups, 0)),
    [],
    ['报告文字 Report text', r.sentences.zh],
    ['', r.sentences.en],
  ];
};

/** Bold header, columns wide enough for Chinese, the header row kept in view. */
const addSheet = (book: ExcelJS.Workbook, name: string, rows: CsvCell[][], widths: number[]) => {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // ExcelJS writes a cell's style out to find its id unless it has met that style object before:
  // the body's cells share one per column (a column's format still reaches all of them), which
  // makes a year's sessions sheet several times faster to write, byte for byte the same.
  const columnStyles = widths.map((): Partial<ExcelJS.Style> => ({}));
  rows.forEach((row, i) => {
    const added = sheet.addRow(row.map((c) => c ?? null));
    if (i > 0) added.eachCell({ includeEmpty: true }, (cell, column) => (cell.style = columnStyles[column - 1] ?? {}));
  });
  sheet.getRow(1).font = { bold: true };
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return sheet;
};

export const reportWorkbook = async (r: ServiceReport): Promise<Buffer> => {
  // Loaded at the first export rather than at start: ExcelJS and its zip and stream libraries are
  // some 300 modules that would otherwise stay in the heap every collection marks (bench/README.md).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Linli';
  const f = r.current;
  addSheet(book, '概要 Summary', summaryRows(r), [40, 26, 26, 26]);
  addSheet(book, '活动 Sessions', [SESSION_HEADER, ...r.sessions.map(sessionRow)], [12, 8, 8, 28, 12, 14, 14, 14, 16, 10, 10, 10]);
  addSheet(
    book,
    '分类 Categories',
    [['分类 Category', '英文 English', '开展（场） Held', '人次 Person-visits'], ...f.activities.byCategory.map((c) => [c.name ?? '（未分类）uncategorised', c.nameEn ?? '', c.held, c.visits])],
    [20, 20, 16, 18]
  );
  addSheet(
    book,
    '房间 Rooms',
    [
      ['功能室 Room', '预约时长 Hours booked', '使用时长 Hours used', '活动时长 Activity hours', '开放时长 Open hours', '使用率 Occupancy', '团体 Groups', '申报人数 Attendees declared'],
      ...f.rooms.map((x) => [x.name, x.hoursBooked, x.hoursUsed, x.hoursActivities, x.openHours, x.occupancy, x.groups, x.attendeesDeclared]),
    ],
    [20, 16, 16, 16, 16, 14, 12, 20]
  ).getColumn(6).numFmt = '0.0%';
  addSheet(book, '月份 Months', [['月份 Month', '开展（场） Held', '人次 Person-visits'], ...f.visits.byMonth.map((m) => [m.month, m.held, m.visits])], [12, 16, 18]);
  return Buffer.from(await book.xlsx.writeBuffer());
};
