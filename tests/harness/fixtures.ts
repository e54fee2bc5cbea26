import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import pWaitFor from 'p-wait-for';
import { addDays, isoWeekdayOf, zonedDateOf, type IsoDate } from '../../plugins/booking/server/src/core/time/zoned';
import { hashToken } from '../../plugins/booking/server/src/core/reservations/reference';
import { DEFAULT_PRIVACY_NOTICE, noticeVersion } from '../../plugins/booking/server/src/core/privacy/notice';
import type { asAdmin } from './admin';
import type { TestCms } from './cms';
import { openDatabase } from './database';

export type Admin = Awaited<ReturnType<typeof asAdmin>>;
export const TZ = 'Asia/Shanghai';

/** Open 08:00–22:00 every day, so tests choose times freely. */
export const LONG_HOURS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '08:00', end: '22:00' }]])
);

export interface RoomFixture {
  slug: string;
  name?: string;
  capacity?: number;
  /** The storey (1 = ground floor). */
  floor?: number;
  bookable?: boolean;
  requiresApproval?: boolean;
  slotMinutes?: number;
  minMinutes?: number;
  maxMinutes?: number;
  bufferMinutes?: number;
  minNoticeMinutes?: number;
  maxAdvanceDays?: number;
  weeklyQuotaHours?: number | null;
  openingHours?: unknown;
}

/** Creates and publishes a room the way an editor does in the content manager. */
export const createRoom = async (admin: Admin, room: RoomFixture): Promise<string> => {
  const uid = 'plugin::booking.room';
  const created = await admin.request('POST', `/content-manager/collection-types/${uid}?locale=zh-CN`, {
    name: room.name ?? room.slug,
    capacity: 20,
    openingHours: LONG_HOURS,
    ...room,
  });
  if (created.status !== 201) throw new Error(`room ${room.slug}: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.data.documentId;
  const published = await admin.request('POST', `/content-manager/collection-types/${uid}/${id}/actions/publish?locale=zh-CN`, {});
  if (published.status !== 200) throw new Error(`publish ${room.slug}: ${published.status} ${JSON.stringify(published.body)}`);
  return id;
};

export const createClosure = async (admin: Admin, closure: { reason: string; start: string; end: string; roomIds?: string[] }) => {
  const res = await admin.request('POST', '/content-manager/collection-types/plugin::booking.closure', {
    reason: closure.reason,
    startsAt: closure.start,
    endsAt: closure.end,
    allRooms: !closure.roomIds,
    ...(closure.roomIds ? { rooms: { connect: closure.roomIds.map((documentId) => ({ documentId, locale: 'zh-CN' })) } } : {}),
  });
  if (res.status !== 201) throw new Error(`closure: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
};

/**
 * Today in the centre's zone, read once when a test file loads: a file that runs across midnight
 * there still computes every date from the same day.
 */
const today = zonedDateOf(new Date(), TZ);

const thisMonday = addDays(today, 1 - isoWeekdayOf(today));

/**
 * The given ISO weekday (1 = Monday) of the week `weeks` weeks after this one, in the centre's
 * zone. Every weekday of one `weeks` lies in the same Monday-to-Sunday week, whatever day the
 * tests run on, so "Saturday, Sunday, then Monday of the week after" holds on any day.
 */
export const dayAhead = (isoWeekday: number, weeks = 1): IsoDate => addDays(thisMonday, 7 * weeks + isoWeekday - 1);

/** A wall-clock time in the centre's zone (+08:00, no daylight saving) as an ISO instant. */
export const at = (date: IsoDate, time: string) => `${date}T${time}:00+08:00`;

/**
 * Consent as both kinds of form send it: the public form the version of the notice it showed (the
 * plugin's default, as tests write none in Site settings), staff's forms their confirmation. Each
 * schema drops the other's field.
 */
export const CONSENT = { consentVersion: noticeVersion(DEFAULT_PRIVACY_NOTICE['zh-CN']), consentConfirmed: true } as const;

export const reservation = (overrides: Record<string, unknown> = {}) => ({
  ...CONSENT,
  room: 'test-room',
  start: at(dayAhead(2), '19:00'),
  end: at(dayAhead(2), '20:00'),
  purpose: '合唱排练 Choir rehearsal',
  organization: '红歌协会',
  contactName: '李秀英',
  phone: '13800138000',
  email: 'li.xiuying@example.org',
  attendees: 12,
  ...overrides,
});

/** Mail the CMS wrote to its outbox folder, oldest first. */
export const outbox = (dir: string): Array<{ to: string; subject: string; text: string; html: string }> =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')))
    : [];

/** Mail is sent after the transaction commits, a moment after the answer: wait for it. */
export const waitForMail = (dir: string, predicate: (m: ReturnType<typeof outbox>[number]) => boolean, timeoutMs = 10_000) =>
  pWaitFor(
    () => {
      const found = outbox(dir).find(predicate);
      return found ? pWaitFor.resolveWith(found) : false;
    },
    {
      interval: 100,
      timeout: {
        milliseconds: timeoutMs,
        fallback: () => {
          throw new Error(`no matching mail in ${dir}; have: ${outbox(dir).map((m) => `${m.to} ${m.subject}`).join(' | ')}`);
        },
      },
    }
  );

/**
 * The mail in the box matching `predicate` once nothing sent before can still be on its way: a
 * fixed sleep proves nothing on a slow machine, so `later` makes the CMS send one more mail, after
 * everything the test did before, and we wait until `arrived` finds it (mail goes out after
 * commit, in the order requests finish) before reading the box.
 */
export const mailAfter = async (
  dir: string,
  predicate: (m: ReturnType<typeof outbox>[number]) => boolean,
  later: { send: () => Promise<unknown>; arrived: (m: ReturnType<typeof outbox>[number]) => boolean }
) => {
  await later.send();
  await waitForMail(dir, later.arrived);
  return outbox(dir).filter(predicate);
};

interface Requester {
  request(method: string, urlPath: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
}

/**
 * What the manage page does with a link's token: it goes in the X-Manage-Token header, never in a
 * URL. `cancel()` without data cancels everything still to come.
 */
export const manageLink = (cms: Requester, kind: 'reservations' | 'enrolments', token: string, headers: Record<string, string> = {}) => {
  const auth = { 'x-manage-token': token, ...headers };
  return {
    show: () => cms.request('GET', `/api/booking/${kind}/manage`, undefined, auth),
    cancel: (data?: Record<string, unknown>) => cms.request('POST', `/api/booking/${kind}/manage/cancel`, data === undefined ? undefined : { data }, auth),
  };
};

export interface ActivityFixture {
  slug: string;
  title?: string;
  /** Who it is for, as editors write it (长者, 亲子…). */
  audience?: string;
  /** Markdown, as editors write it. */
  description?: string;
  capacity?: number;
  roomId?: string;
  /** Where an activity without a room takes place. */
  location?: string;
  schedule: Record<string, unknown>;
  enrolmentMode?: 'term' | 'session';
  waitlistEnabled?: boolean;
  maxPeoplePerEnrolment?: number;
  registrationEnabled?: boolean;
  forChildren?: boolean;
  enrolmentOpensAt?: string;
  enrolmentClosesAt?: string;
  /** An uploaded image's id: the activity's photo. */
  cover?: number;
}

/** Creates a course or event as an editor would; returns the publish answer so clashes can be seen. */
export const createActivity = async (admin: Admin, kind: 'course' | 'event', activity: ActivityFixture) => {
  const uid = `plugin::booking.${kind}`;
  const { roomId, ...fields } = activity;
  const created = await admin.request('POST', `/content-manager/collection-types/${uid}?locale=zh-CN`, {
    title: activity.title ?? activity.slug,
    capacity: 10,
    ...fields,
    ...(roomId ? { room: { connect: [{ documentId: roomId, locale: 'zh-CN' }] } } : {}),
  });
  if (created.status !== 201) throw new Error(`${kind} ${activity.slug}: ${created.status} ${JSON.stringify(created.body)}`);
  const documentId: string = created.body.data.documentId;
  const published = await admin.request('POST', `/content-manager/collection-types/${uid}/${documentId}/actions/publish?locale=zh-CN`, {});
  return { documentId, published };
};

/** Changes a course's fields and publishes again, as an editor does after changing the schedule. */
export const updateActivity = async (admin: Admin, kind: 'course' | 'event', documentId: string, fields: Record<string, unknown>) => {
  const uid = `plugin::booking.${kind}`;
  const updated = await admin.request('PUT', `/content-manager/collection-types/${uid}/${documentId}?locale=zh-CN`, fields);
  if (updated.status !== 200) throw new Error(`update ${documentId}: ${updated.status} ${JSON.stringify(updated.body)}`);
  return admin.request('POST', `/content-manager/collection-types/${uid}/${documentId}/actions/publish?locale=zh-CN`, {});
};

export const weekly = (weekdays: string[], startDate: string, endDate: string, startTime: string, durationMinutes: number, extra: Record<string, unknown> = {}) => ({
  frequency: 'weekly',
  weekdays,
  startDate,
  endDate,
  startTime,
  durationMinutes,
  ...extra,
});

/**
 * An "I can't come" code as the reminder sweep issues one (its hash stored, valid until the date's
 * start), for tests of the link before a reminder is sent. `target` names a reservation date's
 * documentId, or an enrolment's and its session's.
 */
export const issueCantComeCode = async (
  cms: TestCms,
  target: { reservationId: string } | { enrolmentId: string; sessionId: string },
  start: string
): Promise<string> => {
  const code = Array.from(randomBytes(10), (b) => '23456789ABCDEFGHJKMNPQRSTUVWXYZ'[b % 31]).join('');
  const db = await openDatabase(cms.database);
  // knex writes instants to SQLite as epoch milliseconds.
  const when = (iso: string) => (cms.database.kind === 'sqlite' ? new Date(iso).getTime() : new Date(iso).toISOString());
  try {
    await db.query(
      'INSERT INTO booking_cant_come_codes (code_hash, about_kind, reservation_id, enrolment_id, session_id, starts_at, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        hashToken(code),
        'reservationId' in target ? 'reservation' : 'enrolment',
        'reservationId' in target ? target.reservationId : null,
        'enrolmentId' in target ? target.enrolmentId : null,
        'sessionId' in target ? target.sessionId : null,
        when(start),
        when(start),
        when(new Date().toISOString()),
      ]
    );
  } finally {
    await db.close();
  }
  return code;
};

/** What the "I can't come" page does with a code: it goes in the X-Cant-Come-Code header. */
export const cantComeLink = (cms: Requester, code: string) => ({
  show: () => cms.request('GET', '/api/booking/cant-come', undefined, { 'x-cant-come-code': code }),
  use: () => cms.request('POST', '/api/booking/cant-come', undefined, { 'x-cant-come-code': code }),
});

/**
 * A clock for a CMS started with BOOKING_TEST_NOW: 18:00:30 in the centre's zone, on the first day
 * whose 18:00 is still ahead of the real clock by half an hour. Evening reminders for the next day
 * are due at once, and what a test books or enrols (stamped with the real time) was confirmed before.
 */
export const eveningClock = (): { now: string; day: IsoDate } => {
  const margin = Date.now() + 30 * 60_000;
  let day = zonedDateOf(new Date(margin), TZ);
  if (Date.parse(at(day, '18:00')) < margin) day = addDays(day, 1);
  return { now: new Date(Date.parse(at(day, '18:00')) + 30_000).toISOString(), day };
};
