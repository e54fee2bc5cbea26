import { csvFilename, toCsv } from '../../src/utils/csv';

describe('toCsv', () => {
  it('starts with a UTF-8 byte order mark and ends every row with CRLF, padding short rows', () => {
    expect(toCsv([['姓名 Name', '人数 People'], ['王秀兰', 2], []])).toBe('\uFEFF姓名 Name,人数 People\r\n王秀兰,2\r\n,\r\n');
  });

  it('quotes cells holding commas, quotes or line breaks, and leaves nothing for empty cells', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', null, undefined]])).toBe('\uFEFF"a,b","say ""hi""","two\nlines",,\r\n');
  });

  it('never lets a typed name or note start a spreadsheet formula', () => {
    const csv = toCsv([['=HYPERLINK("http://evil.example")', '+86 139', '-1', '@SUM(A1)', 'plain']]);
    expect(csv).toBe(`\uFEFF"'=HYPERLINK(""http://evil.example"")",'+86 139,'-1,'@SUM(A1),plain\r\n`);
  });

  it('writes negative numbers as numbers, not as escaped text', () => {
    expect(toCsv([[-3, 0]])).toBe('\uFEFF-3,0\r\n');
  });
});

describe('csvFilename', () => {
  it('keeps the download name ASCII', () => {
    expect(csvFilename('roster-书法班-2026-11-24.csv')).toBe('roster-___-2026-11-24.csv');
  });
});
