import { addDays } from '../../plugins/booking/server/src/core/time/zoned';
import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { at, cantComeLink, createRoom, eveningClock, manageLink, outbox, reservation, waitForMail, type Admin } from '../harness/fixtures';

/**
 * The reminder sweep on a clock set to 18:00:30 in the centre's zone (BOOKING_TEST_NOW), sweeping
 * every second. A CMS of its own: no other file may run on a moved clock.
 */
describe('reminders, on a controlled clock', () => {
  const clock = eveningClock();
  const tomorrow = addDays(clock.day, 1);
  let cms: TestCms;
  let admin: Admin;

  beforeAll(async () => {
    cms = await startTestCms({
      env: {
        BOOKING_TEST_NOW: clock.now,
        BOOKING_REMINDER_SWEEP_SECONDS: '1',
        // Off until staff switch them on in the centre's settings, so the test sets up before any is due.
        BOOKING_REMINDER_EVENING_BEFORE: 'false',
        BOOKING_REMINDER_HOURS_BEFORE: 'false',
      },
    });
    admin = await asAdmin(cms);
    await createRoom(admin, { slug: 'reminded-room', name: '多功能厅', requiresApproval: false, bufferMinutes: 0 });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const book = async (start: string, end: string, email: string) => {
    const res = await cms.request('POST', '/api/booking/reservations', { data: reservation({ room: 'reminded-room', start: at(tomorrow, start), end: at(tomorrow, end), email }) });
    expect([res.status, res.body.data?.status]).toEqual([201, 'confirmed']);
    return res.body.data as { reference: string; manageToken: string };
  };
  const reminders = (to: string) => outbox(cms.mailDir).filter((m) => m.to === to && m.subject.startsWith('提醒'));

  it('sends the evening reminder once, switched on by staff, with a link that cancels the date; none for a date cancelled before', async () => {
    const kept = await book('10:00', '11:00', 'kept@example.org');
    const cancelled = await book('12:00', '13:00', 'cancelled@example.org');
    expect((await manageLink(cms, 'reservations', cancelled.manageToken).cancel()).status).toBe(200);

    const saved = await admin.request('PUT', '/content-manager/single-types/plugin::booking.centre', { reminderEveningEnabled: true });
    expect(saved.status).toBe(200);
    const mail = await waitForMail(cms.mailDir, (m) => m.to === 'kept@example.org' && m.subject.startsWith('提醒'));
    expect(mail.text).toContain(`预约号：${kept.reference}`);
    expect(mail.text).toMatch(/时间：\d+月\d+日 周. 10:00–11:00/);
    const link = /http:\/\/site\.test\/cant-come\/#code=([A-Z0-9]+)/.exec(mail.text);
    expect(link).not.toBeNull();

    // A date booked now is reminded at the next sweep: by then the first has been swept again, and not re-sent.
    await book('14:00', '15:00', 'later@example.org');
    await waitForMail(cms.mailDir, (m) => m.to === 'later@example.org' && m.subject.startsWith('提醒'));
    expect(reminders('kept@example.org')).toHaveLength(1);
    expect(reminders('cancelled@example.org')).toHaveLength(0);

    const tapped = await cantComeLink(cms, link![1]).use();
    expect(tapped.body.data).toMatchObject({ about: 'reservation', state: 'cancelled', already: false });
    expect((await manageLink(cms, 'reservations', kept.manageToken).show()).body.data.status).toBe('cancelled');
  });
});
