import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { addDays } from '../../plugins/booking/server/src/core/time/zoned';
import { at, createClosure, createRoom, dayAhead, reservation } from '../harness/fixtures';

describe('availability', () => {
  let cms: TestCms;
  const date = dayAhead(3, 1);

  beforeAll(async () => {
    cms = await startTestCms();
    const admin = await asAdmin(cms);
    const weekdayEvenings = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '21:00' }]]));
    const small = await createRoom(admin, { slug: 'test-room', capacity: 12, requiresApproval: false, bufferMinutes: 15, openingHours: weekdayEvenings });
    await createRoom(admin, { slug: 'big-hall', capacity: 80, requiresApproval: false });
    await createRoom(admin, { slug: 'reading', capacity: 30, bookable: false });
    await createClosure(admin, { reason: '设备检修', start: at(date, '09:00'), end: at(date, '10:00'), roomIds: [small] });
    const booked = await cms.request('POST', '/api/booking/reservations', { data: reservation({ start: at(date, '19:00'), end: at(date, '20:00'), attendees: 10 }) });
    expect(booked.status).toBe(201);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it("shows a room's day: open hours, what holds the time, and what is free", async () => {
    const res = await cms.get(`/api/booking/rooms/test-room/availability?from=${date}&to=${date}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ room: { slug: 'test-room', capacity: 12 }, timezone: 'Asia/Shanghai' });
    expect(res.body.data.days).toEqual([
      {
        date,
        open: [
          { start: at(date, '09:00'), end: at(date, '12:00') },
          { start: at(date, '14:00'), end: at(date, '21:00') },
        ],
        busy: [
          { start: at(date, '09:00'), end: at(date, '10:00'), kind: 'closure' },
          { start: at(date, '18:45'), end: at(date, '19:00'), kind: 'buffer' },
          { start: at(date, '19:00'), end: at(date, '20:00'), kind: 'reservation' },
          { start: at(date, '20:00'), end: at(date, '20:15'), kind: 'buffer' },
        ],
        free: [
          { start: at(date, '10:00'), end: at(date, '12:00') },
          { start: at(date, '14:00'), end: at(date, '18:45') },
          { start: at(date, '20:15'), end: at(date, '21:00') },
        ],
      },
    ]);
  });

  it('covers a range of days, closed days included', async () => {
    // Saturday to Monday, whatever weekday today is.
    const saturday = dayAhead(6, 1);
    const monday = addDays(saturday, 2);
    const res = await cms.get(`/api/booking/rooms/test-room/availability?from=${saturday}&to=${monday}`);
    expect(res.body.data.days.map((d: any) => d.date)).toEqual([saturday, addDays(saturday, 1), monday]);
    expect(res.body.data.days[0]).toEqual({ date: saturday, open: [], busy: [], free: [] });
    expect(res.body.data.days[2].free).toHaveLength(2);
  });

  it('answers which bookable rooms are free, optionally for a number of people', async () => {
    const all = await cms.get(`/api/booking/availability?from=${date}&to=${date}`);
    expect(all.status).toBe(200);
    expect(all.body.data.map((r: any) => r.room.slug).sort()).toEqual(['big-hall', 'test-room']);
    const forForty = await cms.get(`/api/booking/availability?from=${date}&to=${date}&capacity=40`);
    expect(forForty.body.data.map((r: any) => r.room.slug)).toEqual(['big-hall']);
    expect(forForty.body.data[0].days[0].free).toEqual([{ start: at(date, '08:00'), end: at(date, '22:00') }]);
  });

  it.each([
    ['from=2026-13-01&to=2026-13-02', 'from'],
    [`from=${date}`, 'to'],
    [`from=${date}&to=${dayAhead(1, -1)}`, 'to'],
    [`from=${date}&to=${dayAhead(1, 12)}`, 'to'],
    [`from=${date}&to=${date}&capacity=0`, 'capacity'],
  ])('refuses %s with a 400 naming %s', async (query, path) => {
    const res = await cms.get(`/api/booking/availability?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('answers 404 for a room that does not exist', async () => {
    expect((await cms.get(`/api/booking/rooms/nowhere/availability?from=${date}&to=${date}`)).status).toBe(404);
  });
});

describe('rate limit', () => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await startTestCms({ env: { BOOKING_RATE_LIMIT_MAX: '3', BOOKING_RATE_LIMIT_WINDOW_SECONDS: '60' } });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers 429 with Retry-After once one address sends too many requests', async () => {
    const send = () => cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'none' }) });
    const first = await Promise.all([send(), send(), send()]);
    expect(first.map((r) => r.status)).toEqual([400, 400, 400]);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Reading is not limited.
    expect((await cms.get('/api/booking/rooms')).status).toBe(200);
  });
});
