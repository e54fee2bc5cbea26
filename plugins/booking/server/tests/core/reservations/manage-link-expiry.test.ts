import { manageLinkExpired, manageLinkExpiresAt } from '../../../src/core/reservations/manage-link-expiry';

describe('how long a manage link opens its booking', () => {
  const ends = [new Date('2026-03-02T10:00:00Z'), new Date('2026-03-16T10:00:00Z'), new Date('2026-03-09T10:00:00Z')];

  it('counts the days from the end of the last date, whatever order the dates come in', () => {
    expect(manageLinkExpiresAt(ends, 30)).toEqual(new Date('2026-04-15T10:00:00Z'));
    expect(manageLinkExpiresAt(ends, 0)).toEqual(new Date('2026-03-16T10:00:00Z'));
  });

  it('works up to that instant and not from it on', () => {
    expect(manageLinkExpired(ends, 30, new Date('2026-04-15T09:59:59Z'))).toBe(false);
    expect(manageLinkExpired(ends, 30, new Date('2026-04-15T10:00:00Z'))).toBe(true);
    // A series is open while any of its dates is within reach, even long after the first.
    expect(manageLinkExpired(ends, 0, new Date('2026-03-10T00:00:00Z'))).toBe(false);
  });

  it('opens nothing for a booking without dates', () => {
    expect(manageLinkExpiresAt([], 30)).toBeNull();
    expect(manageLinkExpired([], 30, new Date('2026-01-01T00:00:00Z'))).toBe(true);
  });
});
