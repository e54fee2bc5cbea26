import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { demoParents, demoPersonalData, demoResidents, isPublicHoliday } from '../../cms/src/demo/activities';
import { isoWeekOf } from '../../plugins/booking/server/src/core/time/iso-week';
import { addDays, isoWeekdayOf, zonedDateOf, type IsoDate } from '../../plugins/booking/server/src/core/time/zoned';

const TZ = 'Asia/Shanghai';
const today = zonedDateOf(new Date(), TZ);
const thisMonday = addDays(today, 1 - isoWeekdayOf(today));
const schoolDaysOf = (monday: IsoDate) => [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
/**
 * The first two weeks from this one with no public holiday on a school day (chosen by rule, so
 * every assertion below runs on any day of the year; the demo term runs ten weeks ahead).
 */
const WEEKS = [0, 1, 2, 3, 4, 5, 6]
  .map((w) => addDays(thisMonday, 7 * w))
  .filter((monday) => !schoolDaysOf(monday).some(isPublicHoliday))
  .slice(0, 2);
const at = (date: IsoDate, time: string) => `${date}T${time}:00+08:00`;
const hasChinese = /[\u3400-\u9fff]/;

/** WCAG contrast of white text on a #rrggbb background. */
const contrastWithWhite = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
};

describe('demo content: a real centre’s term of activities', () => {
  let cms: TestCms;
  const timetable = (monday: IsoDate, locale = 'zh-CN') => cms.get(`/api/booking/timetable?week=${isoWeekOf(monday).label}&locale=${locale}`);

  beforeAll(async () => {
    cms = await startTestCms({ demo: true });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('has two holiday-free weeks to look at', () => {
    expect(WEEKS).toHaveLength(2);
  });

  it.each(WEEKS.map((monday) => [monday]))(
    'the timetable of the week of %s has the after-school class every school day, calligraphy on Tuesday and the film on Wednesday',
    async (monday) => {
      const res = await timetable(monday);
      expect(res.status).toBe(200);
      const sessions: any[] = res.body.data;
      const of = (slug: string) => sessions.filter((s) => s.activity.slug === slug);

      expect(of('after-school-class').map((s) => [s.start, s.end])).toEqual(schoolDaysOf(monday).map((d) => [at(d, '16:30'), at(d, '18:00')]));
      expect(of('after-school-class')[0].activity).toMatchObject({
        kind: 'course',
        title: '四点半课堂',
        room: { slug: 'childrens-room', name: '未成年人活动室' },
        category: { slug: 'after-school', name: '四点半课堂' },
        capacity: 40,
        enrolmentMode: 'term',
        waitlistEnabled: true,
      });
      expect(of('after-school-class').every((s) => s.placesLeft === 0)).toBe(true);

      const tuesday = addDays(monday, 1);
      const wednesday = addDays(monday, 2);
      expect(of('calligraphy').map((s) => s.start)).toEqual([at(tuesday, '19:00')]);
      expect(of('calligraphy')[0].activity).toMatchObject({ title: '书法班', room: { slug: 'training-room' }, category: { slug: 'culture-arts' } });
      expect(of('wednesday-film').map((s) => [s.start, s.end])).toEqual([[at(wednesday, '14:30'), at(wednesday, '16:30')]]);
      expect(of('wednesday-film')[0].activity).toMatchObject({ kind: 'event', title: '每周三红色观影', enrolmentMode: 'session', capacity: 60, room: { slug: 'screening-room' }, category: { slug: 'films' } });
      // Rehearsals are on the timetable too, with nothing to sign up for.
      expect(of('art-troupe-rehearsal').length).toBeGreaterThan(0);
      expect(of('art-troupe-rehearsal')[0].activity).toMatchObject({ registrationEnabled: false, organiser: '社区文艺表演队' });

      // In time order, as the notice board shows it.
      const starts = sessions.map((s) => Date.parse(s.start));
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);

      // Nothing shares a room at the same time.
      for (const [i, a] of sessions.entries()) {
        for (const b of sessions.slice(i + 1)) {
          if (a.activity.room && a.activity.room.slug === b.activity.room?.slug) {
            expect(Date.parse(a.end) <= Date.parse(b.start) || Date.parse(b.end) <= Date.parse(a.start)).toBe(true);
          }
        }
      }
    }
  );

  it('the after-school class is full, with three children waiting, and still takes names for the waiting list', async () => {
    const res = await cms.get('/api/booking/courses/after-school-class');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: '四点半课堂', capacity: 40, placesLeft: 0, waiting: 3 });
    expect(res.body.data.when).toMatch(/^工作日每天 16:30–18:00，至/);
    expect(res.body.data.description).toContain('孩子的姓名和年级');
    expect(res.body.data.sessions.length).toBeGreaterThanOrEqual(40);

    const calligraphy = await cms.get('/api/booking/courses/calligraphy');
    expect(calligraphy.body.data).toMatchObject({ capacity: 20, placesLeft: 3, waiting: 0, when: expect.stringMatching(/^每周二 19:00–20:30/) });
    const instruments = await cms.get('/api/booking/courses/hulusi-and-erhu');
    expect(instruments.body.data).toMatchObject({ title: '葫芦丝、二胡班', capacity: 15, placesLeft: 4, when: expect.stringMatching(/^每周四 19:00–20:30/) });

    const courses = await cms.get('/api/booking/courses');
    const bySlug = Object.fromEntries(courses.body.data.map((c: any) => [c.slug, c]));
    expect(Object.keys(bySlug)).toEqual(expect.arrayContaining(['after-school-class', 'calligraphy', 'hulusi-and-erhu', 'smartphone-class-for-seniors', 'art-troupe-rehearsal', 'opera-fans-rehearsal']));
    expect(bySlug['opera-fans-rehearsal']).toMatchObject({ registrationEnabled: false, organiser: '社区戏迷协会' });
    // A new course starting next week, with places to take.
    let firstFriday = addDays(thisMonday, 11);
    while (isPublicHoliday(firstFriday)) firstFriday = addDays(firstFriday, 7);
    expect(bySlug['smartphone-class-for-seniors']).toMatchObject({ placesLeft: 11, nextSession: { start: at(firstFriday, '14:30') } });
  });

  it('lists the festival, the volunteers’ day on the 10th, the talks and the film, with places taken', async () => {
    const res = await cms.get('/api/booking/events');
    expect(res.status).toBe(200);
    const bySlug = Object.fromEntries(res.body.data.map((e: any) => [e.slug, e]));

    const festival = bySlug['neighbourhood-festival'];
    expect(festival).toMatchObject({ title: '邻里节', room: null, location: '中心门前小广场', registrationEnabled: true, placesLeft: expect.any(Number) });
    expect(festival.placesLeft).toBeLessThan(300);
    const saturday = addDays(thisMonday, 7 * 3 + 5);
    expect(festival.nextSession).toMatchObject({ start: at(saturday, '09:00'), end: at(saturday, '16:30') });
    expect(festival.summary).toContain(`${Number(saturday.slice(5, 7))}月${Number(saturday.slice(8, 10))}日（周六）`);
    const festivalDetail = await cms.get('/api/booking/events/neighbourhood-festival');
    expect(festivalDetail.body.data.sessions.map((s: any) => s.start)).toEqual([at(saturday, '09:00'), at(addDays(saturday, 1), '09:00')]);

    const volunteers = bySlug['volunteers-day'];
    expect(volunteers).toMatchObject({ title: '每月10日机关党员进社区活动日', registrationEnabled: false, when: expect.stringMatching(/^每月10日 09:00–11:30/) });
    // The first 10th whose morning is not over yet.
    const [y, m] = today.split('-').map(Number);
    const tenths = [0, 1].map((k) => `${y + Math.floor((m - 1 + k) / 12)}-${String(((m - 1 + k) % 12) + 1).padStart(2, '0')}-10`);
    const nextTenth = tenths.find((tenth) => Date.parse(at(tenth, '11:30')) > Date.now());
    expect(volunteers.nextSession.start).toBe(at(nextTenth!, '09:00'));
    // A year ahead of volunteers' days, every one on the 10th.
    const coming = (await cms.get('/api/booking/events/volunteers-day')).body.data.sessions;
    expect(coming.length).toBeGreaterThanOrEqual(12);
    expect(coming.every((s: any) => /-10T09:00:00\+08:00$/.test(s.start))).toBe(true);

    expect(bySlug['fraud-prevention-talk']).toMatchObject({ room: { slug: 'multi-purpose-hall' }, category: { slug: 'seniors' } });
    expect(bySlug['fraud-prevention-talk'].placesLeft).toBeLessThan(100);
    expect(bySlug['blood-pressure-talk'].placesLeft).toBeLessThan(80);
    const film = bySlug['wednesday-film'];
    expect(film.placesLeft).toBeNull();
    // Seats are taken for the next films (the one showing right now, if any, is not among them).
    const films = (await cms.get('/api/booking/events/wednesday-film')).body.data.sessions;
    expect(films.slice(0, 2).some((s: any) => s.placesLeft < 60)).toBe(true);
    // The talk two weeks ago is over, so only the coming ones have a next session.
    expect(bySlug['medicine-safety-talk'].nextSession).toBeNull();
  });

  it('answers in English with English titles, summaries, audiences, organisers and categories', async () => {
    const zh = await cms.get('/api/booking/events');
    const en = await cms.get('/api/booking/events?locale=en');
    expect(en.body.data.map((e: any) => e.slug).sort()).toEqual(zh.body.data.map((e: any) => e.slug).sort());
    const titles = Object.fromEntries(en.body.data.map((e: any) => [e.slug, e.title]));
    expect(titles).toMatchObject({ 'neighbourhood-festival': 'Neighbourhood festival', 'volunteers-day': "Volunteers' day on the 10th of every month", 'wednesday-film': 'Wednesday film' });

    const courses = await cms.get('/api/booking/courses?locale=en');
    const week = await timetable(WEEKS[1], 'en');
    const all = [...en.body.data, ...courses.body.data, ...week.body.data.map((s: any) => s.activity)];
    for (const a of all) {
      expect(a.locale).toBe('en');
      for (const text of [a.title, a.summary, a.audience, a.organiser, a.location, a.category?.name, a.room?.name, a.when]) expect(text ?? '').not.toMatch(hasChinese);
    }
    expect(courses.body.data.find((c: any) => c.slug === 'after-school-class')).toMatchObject({ title: 'After-school class', category: { name: 'After-school class' }, room: { name: "Children's activity room" } });
    expect(week.body.data.find((s: any) => s.activity.slug === 'after-school-class').activity.when).toMatch(/^Every weekday 16:30–18:00, until/);
    const detail = await cms.get('/api/booking/courses/calligraphy?locale=en');
    expect(detail.body.data).toMatchObject({ title: 'Calligraphy class', placesLeft: 3 });
    expect(detail.body.data.description).not.toMatch(hasChinese);
  });

  it('gives each of the eight categories its own colour, readable with white text', async () => {
    const zh = await timetable(WEEKS[0]);
    const later = await cms.get('/api/booking/events');
    const categories = new Map<string, any>();
    for (const a of [...zh.body.data.map((s: any) => s.activity), ...later.body.data, ...(await cms.get('/api/booking/courses')).body.data]) {
      if (a.category) categories.set(a.category.slug, a.category);
    }
    expect([...categories.keys()].sort()).toEqual(['after-school', 'children', 'culture-arts', 'films', 'health', 'learning', 'seniors', 'volunteering']);
    const colours = [...categories.values()].map((c) => c.color);
    expect(new Set(colours).size).toBe(8);
    for (const colour of colours) expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('shows nobody’s name, phone, e-mail or child in any public answer', async () => {
    const personal = demoPersonalData();
    expect(personal.length).toBeGreaterThan(200);
    const answers: unknown[] = [];
    for (const locale of ['zh-CN', 'en']) {
      for (const monday of WEEKS) answers.push((await timetable(monday, locale)).body);
      for (const kind of ['courses', 'events']) {
        const list = await cms.get(`/api/booking/${kind}?locale=${locale}`);
        answers.push(list.body);
        for (const a of list.body.data) answers.push((await cms.get(`/api/booking/${kind}/${a.slug}?locale=${locale}`)).body);
      }
    }
    const text = JSON.stringify(answers);
    expect(text).toContain('四点半课堂');
    expect(text).not.toContain('example.org');
    expect(text).not.toMatch(/139\d{8}/);
    for (const value of personal) expect(text).not.toContain(value);
  });

  it('takes a new family onto the after-school waiting list, fourth in line', async () => {
    const res = await cms.request('POST', '/api/booking/enrolments', {
      data: { course: 'after-school-class', name: '新来的家长', phone: '13700009999', note: '小宝，一年级' },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'waitlisted', position: 4, placesLeft: 0 });
    // The demo families are all there: enrolling one of them again is refused as a duplicate.
    const again = await cms.request('POST', '/api/booking/enrolments', { data: { course: 'after-school-class', name: demoParents[0].name, phone: demoParents[0].phone } });
    expect(again.status).toBe(400);
    const pupil = await cms.request('POST', '/api/booking/enrolments', { data: { course: 'calligraphy', name: demoResidents[0].name, phone: demoResidents[0].phone } });
    expect(pupil.status).toBe(400);
  });
  it('has attendance marked at past sessions, with walk-ins and a few left unmarked, so the reports page has a term to show', async () => {
    const admin = await asAdmin(cms);
    const res = await admin.request('GET', `/booking/reports/service?from=${addDays(today, -28)}&to=${addDays(today, -1)}`);
    expect(res.status).toBe(200);
    const { visits, activities, people, noShows } = res.body.data.current;
    expect(activities.held).toBeGreaterThan(10);
    expect(visits.present).toBeGreaterThan(50);
    expect(visits.walkIns).toBeGreaterThan(0);
    expect(visits.sessionsUnmarked).toBeGreaterThan(0);
    expect(visits.sessionsUnmarked).toBeLessThan(activities.held / 4);
    expect(visits.enrolledInUnmarked).toBeGreaterThanOrEqual(0);
    expect(people.unique).toBeGreaterThan(20);
    expect(noShows).toBeGreaterThan(0);
    expect(res.body.data.sentences.zh).toMatch(/^2\d{3}年\d+月\d+日至.*共开展活动\d+场.*服务居民[\d,]+人次/);
  });
});
