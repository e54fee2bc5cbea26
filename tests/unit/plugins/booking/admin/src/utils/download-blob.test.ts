import { fileNameOf } from '../../../../../../../plugins/booking/admin/src/utils/download-blob';

describe('the name of a downloaded file', () => {
  it('prefers the UTF-8 name (a Chinese file name) to the plain one', () => {
    expect(fileNameOf(`attachment; filename="report-2026-10.xlsx"; filename*=UTF-8''${encodeURIComponent('服务统计_2026-10.xlsx')}`)).toBe('服务统计_2026-10.xlsx');
  });
  it('takes the plain name, quoted or not, and nothing from no header', () => {
    expect(fileNameOf('attachment; filename="sessions.csv"')).toBe('sessions.csv');
    expect(fileNameOf('attachment; filename=sessions.csv')).toBe('sessions.csv');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});
