import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { addDays, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';

const ROOM = 'plugin::booking.room';
// A 1×1 PNG: too small for Strapi to make other formats of it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('GET /api/booking/rooms (anonymous)', () => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await startTestCms({ demo: true });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('lists the published demo rooms in Chinese by default', async () => {
    const res = await cms.get('/api/booking/rooms');
    expect(res.status).toBe(200);
    const names = res.body.data.map((r: any) => r.name);
    expect(names).toEqual(expect.arrayContaining(['多功能厅', '五邻议事厅', '未成年人活动室']));
    const hall = res.body.data.find((r: any) => r.slug === 'multi-purpose-hall');
    expect(hall).toMatchObject({ capacity: 120, locale: 'zh-CN', bookable: true });
    expect(hall.amenities).toContain('投影仪和幕布');
    expect(Array.isArray(hall.photos)).toBe(true);
  });

  it('answers in English when asked, with the same rooms', async () => {
    const zh = await cms.get('/api/booking/rooms');
    const en = await cms.get('/api/booking/rooms?locale=en');
    expect(en.status).toBe(200);
    expect(en.body.data.map((r: any) => r.slug)).toEqual(zh.body.data.map((r: any) => r.slug));
    expect(en.body.data.find((r: any) => r.slug === 'council-hall').name).toBe('Neighbourhood council hall');
  });

  it('shows one room by slug, and 404 for a room that does not exist', async () => {
    const found = await cms.get('/api/booking/rooms/council-hall?locale=en');
    expect(found.status).toBe(200);
    expect(found.body.data).toMatchObject({ slug: 'council-hall', capacity: 24, name: 'Neighbourhood council hall' });

    const missing = await cms.get('/api/booking/rooms/no-such-room');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
  });

  it('rejects malformed input with a 400 naming the field', async () => {
    const badSlug = await cms.get('/api/booking/rooms/Not_A_Slug');
    expect(badSlug.status).toBe(400);
    expect(badSlug.body.error.details.errors).toEqual([expect.objectContaining({ path: 'slug' })]);

    const badLocale = await cms.get('/api/booking/rooms?locale=%3Cscript%3E');
    expect(badLocale.status).toBe(400);
    expect(badLocale.body.error.details.errors).toEqual([expect.objectContaining({ path: 'locale' })]);
  });

  it('shows a room an editor creates in the content manager only once it is published', async () => {
    const admin = await asAdmin(cms);
    const created = await admin.request('POST', `/content-manager/collection-types/${ROOM}?locale=zh-CN`, {
      name: '妇女之家',
      slug: 'womens-centre',
      capacity: 20,
      description: '妇女儿童家庭服务和手工坊。',
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;

    const beforePublish = await cms.get('/api/booking/rooms');
    expect(beforePublish.body.data.map((r: any) => r.slug)).not.toContain('womens-centre');

    const published = await admin.request('POST', `/content-manager/collection-types/${ROOM}/${documentId}/actions/publish?locale=zh-CN`, {});
    expect(published.status).toBe(200);

    const afterPublish = await cms.get('/api/booking/rooms');
    expect(afterPublish.body.data.map((r: any) => r.slug)).toContain('womens-centre');
    // Not yet translated: the English list still shows it, in Chinese.
    const english = await cms.get('/api/booking/rooms?locale=en');
    expect(english.body.data.find((r: any) => r.slug === 'womens-centre')).toMatchObject({ name: '妇女之家', locale: 'zh-CN' });
  });

  it("shows a room's photos in the editor's order, as published, until a change to them is published too", async () => {
    const admin = await asAdmin(cms);
    const upload = async (name: string, alternativeText: string) => {
      const form = new FormData();
      form.append('files', new Blob([PNG], { type: 'image/png' }), name);
      form.append('fileInfo', JSON.stringify({ alternativeText }));
      const res = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
      expect(res.status).toBe(201);
      const [file] = (await res.json()) as Array<{ id: number; url: string }>;
      return file;
    };
    const stage = await upload('stage.png', '舞台');
    const seats = await upload('seats.png', '座位');
    const created = await admin.request('POST', `/content-manager/collection-types/${ROOM}?locale=zh-CN`, {
      name: '多功能厅',
      slug: 'photo-hall',
      capacity: 60,
      photos: [seats.id, stage.id],
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    expect((await admin.request('POST', `/content-manager/collection-types/${ROOM}/${documentId}/actions/publish?locale=zh-CN`, {})).status).toBe(200);

    const shown = [
      { url: seats.url, alternativeText: '座位', width: 1, height: 1, formats: null },
      { url: stage.url, alternativeText: '舞台', width: 1, height: 1, formats: null },
    ];
    expect((await cms.get('/api/booking/rooms/photo-hall')).body.data.photos).toEqual(shown);
    expect((await cms.get('/api/booking/rooms')).body.data.find((r: any) => r.slug === 'photo-hall').photos).toEqual(shown);

    // An editor drops a photo in the draft: the public still sees the published room.
    expect((await admin.request('PUT', `/content-manager/collection-types/${ROOM}/${documentId}?locale=zh-CN`, { photos: [stage.id] })).status).toBe(200);
    expect((await cms.get('/api/booking/rooms/photo-hall')).body.data.photos).toEqual(shown);
    expect((await admin.request('POST', `/content-manager/collection-types/${ROOM}/${documentId}/actions/publish?locale=zh-CN`, {})).status).toBe(200);
    expect((await cms.get('/api/booking/rooms/photo-hall')).body.data.photos).toEqual([shown[1]]);
  });

  it('refuses, naming the field, a room whose text the database cannot store, and saves nothing', async () => {
    const admin = await asAdmin(cms);
    const created = await admin.request('POST', `/content-manager/collection-types/${ROOM}?locale=zh-CN`, {
      name: '活动室\u0000二',
      slug: 'nul-room',
      capacity: 10,
      description: '桌椅\u0007齐全',
    });
    expect(created.status).toBe(400);
    expect(created.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['name'], message: expect.stringContaining('NUL') }),
      expect.objectContaining({ path: ['description'], message: expect.stringContaining('control characters') }),
    ]);
    const listed = await admin.request('GET', `/content-manager/collection-types/${ROOM}?locale=zh-CN&filters[slug][$eq]=nul-room`);
    expect(listed.body.results).toEqual([]);
  });

  it('publishes nothing but the public fields', async () => {
    const res = await cms.get('/api/booking/rooms/multi-purpose-hall');
    expect(Object.keys(res.body.data).sort()).toEqual(
      ['accessibility', 'amenities', 'bookable', 'capacity', 'description', 'id', 'locale', 'location', 'name', 'openingHours', 'photos', 'rules', 'slug'].sort()
    );
    // A room without its own hours shows the centre's, and the default rules in plain numbers.
    expect(res.body.data.openingHours.mon).toEqual([{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }]);
    expect(res.body.data.rules).toMatchObject({ slotMinutes: 30, requiresApproval: true });
  });

  it("fills the demo week: the choir's Tuesday rehearsal holds the hall, without anyone's name", async () => {
    const tomorrow = addDays(zonedDateOf(new Date(), 'Asia/Shanghai'), 1);
    const res = await cms.get(`/api/booking/rooms/multi-purpose-hall/availability?from=${tomorrow}&to=${addDays(tomorrow, 6)}`);
    expect(res.status).toBe(200);
    const held = res.body.data.days.flatMap((d: any) => d.busy.filter((b: any) => b.kind === 'reservation'));
    expect(held).toEqual(expect.arrayContaining([expect.objectContaining({ start: expect.stringMatching(/T19:00:00\+08:00$/), end: expect.stringMatching(/T21:00:00\+08:00$/) })]));
    expect(JSON.stringify(res.body)).not.toContain('周桂兰');
  });

  it("labels the rooms' fields in Chinese and English for staff in the content manager", async () => {
    const admin = await asAdmin(cms);
    const res = await admin.request('GET', `/content-manager/content-types/${ROOM}/configuration`);
    expect(res.status).toBe(200);
    const metadatas = res.body.data.contentType.metadatas;
    expect(metadatas.name.edit.label).toBe('名称 Name');
    expect(metadatas.requiresApproval.edit.label).toBe('需要审核 Needs approval');
    expect(metadatas.capacity.list.label).toBe('容纳人数 Capacity');

    const centre = await admin.request('GET', '/content-manager/content-types/plugin::booking.centre/configuration');
    expect(centre.body.data.contentType.metadatas.openingHours.edit.label).toBe('中心开放时间 Centre opening hours');
  });

  it("sets the demo centre's hours in Centre hours, where staff change them", async () => {
    const admin = await asAdmin(cms);
    const centre = await admin.request('GET', '/content-manager/single-types/plugin::booking.centre');
    expect(centre.status).toBe(200);
    expect(centre.body.data.openingHours).toMatchObject({
      wed: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '21:00' }],
      sun: [{ start: '09:00', end: '17:00' }],
    });
  });
});
