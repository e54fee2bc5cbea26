import { enrolmentLastDate, lastDateOfReferences, retentionCutoff } from '../../src/services/retention';

const at = (iso: string) => new Date(iso);

describe('retentionCutoff', () => {
  it('goes back whole calendar months on the centre’s clock', () => {
    // 2027-03-31 10:00 in Shanghai is 02:00 UTC; twelve months back is 2026-03-31 10:00 there.
    expect(retentionCutoff(at('2027-03-31T02:00:00Z'), 12, 'Asia/Shanghai').toISOString()).toBe('2026-03-31T02:00:00.000Z');
    // A month without that day ends on its last day.
    expect(retentionCutoff(at('2027-03-31T02:00:00Z'), 1, 'Asia/Shanghai').toISOString()).toBe('2027-02-28T02:00:00.000Z');
  });
});

describe('last dates', () => {
  it('keeps a weekly series until its last date', () => {
    const rows = [
      { reference: 'LL-AAAAA', end: at('2026-01-01T10:00:00Z') },
      { reference: 'LL-AAAAA', end: at('2026-03-01T10:00:00Z') },
      { reference: 'LL-BBBBB', end: at('2026-02-01T10:00:00Z') },
    ];
    const last = lastDateOfReferences(rows as never);
    expect(last.get('LL-AAAAA')).toEqual(at('2026-03-01T10:00:00Z'));
    expect(last.get('LL-BBBBB')).toEqual(at('2026-02-01T10:00:00Z'));
  });

  it('dates an enrolment by its own session, else its activity’s last session, else when it was made', () => {
    const ends = { lastOfActivity: new Map([['course:c1', at('2026-06-01T00:00:00Z')]]), ofSession: new Map([['s1', at('2026-02-01T00:00:00Z')]]) };
    const enrolment = (over: Record<string, unknown>) => ({ activityKind: 'course', activityId: 'c1', sessionId: null, createdAt: at('2025-12-01T00:00:00Z'), ...over }) as never;
    expect(enrolmentLastDate(enrolment({ sessionId: 's1' }), ends)).toEqual(at('2026-02-01T00:00:00Z'));
    expect(enrolmentLastDate(enrolment({}), ends)).toEqual(at('2026-06-01T00:00:00Z'));
    expect(enrolmentLastDate(enrolment({ activityId: 'gone' }), ends)).toEqual(at('2025-12-01T00:00:00Z'));
  });
});
