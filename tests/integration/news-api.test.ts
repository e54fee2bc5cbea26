import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { addDays, zonedDateOf } from '../../plugins/booking/server/src/core/time/zoned';

const NEWS = 'api::news.news';
const SETTINGS = 'api::site-setting.site-setting';
const TZ = 'Asia/Shanghai';

/** A 1×1 PNG, as an editor's photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const daysAgo = (n: number) => addDays(zonedDateOf(new Date(), TZ), -n);

describe('news and site settings on /api', () => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await startTestCms({ demo: true });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('lists the six demo items to anonymous readers, newest first, in Chinese', async () => {
    const res = await cms.get('/api/news?locale=zh-CN&sort=publishedDate:desc');
    expect(res.status).toBe(200);
    expect(res.body.data.map((n: any) => n.title)).toEqual([
      '元旦闭馆通知',
      '居家养老服务站免费体检开始预约',
      '每月10日，机关党员进社区',
      '四点半课堂新学期招生',
      '邻里节：一场百家宴，三百多位邻居',
      '党群服务中心焕新启用',
    ]);
    expect(res.body.meta.pagination.total).toBe(6);
    // Dated relative to today, so the demo never looks stale.
    expect(res.body.data.map((n: any) => n.publishedDate)).toEqual([2, 6, 10, 20, 35, 60].map(daysAgo));

    const [closure, healthCheck] = res.body.data;
    expect(closure).toMatchObject({ slug: 'new-year-closure', kind: 'notice', locale: 'zh-CN' });
    expect(closure.summary).toMatch(/^\d{4}年1月1日（元旦）中心闭馆一天/);
    expect(healthCheck).toMatchObject({ kind: 'news', slug: 'free-health-check-for-seniors' });
    expect(healthCheck.body).toContain('**体检项目**');
    expect(healthCheck.tags.split('\n')).toEqual(['居家养老', '健康', '老年人']);
    expect(res.body.data.filter((n: any) => n.kind === 'notice')).toHaveLength(1);
    expect(typeof healthCheck.documentId).toBe('string');
  });

  it('answers in English with the same items in the same order', async () => {
    const zh = await cms.get('/api/news?locale=zh-CN&sort=publishedDate:desc');
    const en = await cms.get('/api/news?locale=en&sort=publishedDate:desc');
    expect(en.status).toBe(200);
    expect(en.body.data.map((n: any) => n.slug)).toEqual(zh.body.data.map((n: any) => n.slug));
    expect(en.body.data.map((n: any) => n.publishedDate)).toEqual(zh.body.data.map((n: any) => n.publishedDate));
    expect(en.body.data[0]).toMatchObject({ title: "Closed on New Year's Day", kind: 'notice', locale: 'en' });
    expect(en.body.data.map((n: any) => n.title)).toContain('After-school class: enrolment for the new term');
    for (const item of en.body.data) expect(`${item.title} ${item.summary} ${item.body}`).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('lists newest first when the site asks for no order, and shows one item by documentId', async () => {
    const list = await cms.get('/api/news?locale=en');
    expect(list.body.data.map((n: any) => n.publishedDate)).toEqual([2, 6, 10, 20, 35, 60].map(daysAgo));

    const one = await cms.get(`/api/news/${list.body.data[3].documentId}?locale=zh-CN`);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ slug: 'after-school-class-new-term', title: '四点半课堂新学期招生' });
    expect(one.body.data.body).toContain('共40个名额');

    const bySlug = await cms.get('/api/news?locale=zh-CN&filters[slug][$eq]=neighbourhood-festival');
    expect(bySlug.body.data.map((n: any) => n.title)).toEqual(['邻里节：一场百家宴，三百多位邻居']);

    const missing = await cms.get('/api/news/no-such-document');
    expect(missing.status).toBe(404);
  });

  it('keeps an editor\'s draft from readers until it is published, then shows it first with its cover', async () => {
    const admin = await asAdmin(cms);
    const form = new FormData();
    form.append('files', new Blob([PNG], { type: 'image/png' }), 'canteen.png');
    const uploaded = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const [file] = (await uploaded.json()) as Array<{ id: number }>;

    const created = await admin.request('POST', `/content-manager/collection-types/${NEWS}?locale=zh-CN`, {
      title: '社区幸福大食堂开始供应晚餐',
      slug: 'canteen-dinner',
      kind: 'news',
      publishedDate: daysAgo(0),
      summary: '工作日17:00–18:30供应晚餐，60岁以上老人八折。',
      body: '从下周一起，社区幸福大食堂**工作日晚餐**开始供应。',
      tags: '幸福大食堂\n老年助餐',
      cover: file.id,
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;

    // The site's own content meets the booking plugin's text rule too: a 400 naming the field, not a 500.
    const broken = await admin.request('POST', `/content-manager/collection-types/${NEWS}?locale=zh-CN`, {
      title: '停水\u0000通知',
      slug: 'broken-title',
      kind: 'news',
      publishedDate: daysAgo(0),
      body: '正文',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.errors).toEqual([expect.objectContaining({ path: ['title'] })]);

    const draftList = await cms.get('/api/news?locale=zh-CN');
    expect(draftList.body.data.map((n: any) => n.slug)).not.toContain('canteen-dinner');
    expect((await cms.get(`/api/news/${documentId}?locale=zh-CN`)).status).toBe(404);
    // Asking for drafts is not a way round it.
    const asked = await cms.get('/api/news?locale=zh-CN&status=draft');
    expect(asked.status).toBe(200);
    expect(asked.body.data.map((n: any) => n.slug)).not.toContain('canteen-dinner');
    expect(asked.body.data).toHaveLength(6);
    expect((await cms.get(`/api/news/${documentId}?locale=zh-CN&status=draft`)).status).toBe(404);

    const published = await admin.request('POST', `/content-manager/collection-types/${NEWS}/${documentId}/actions/publish?locale=zh-CN`, {});
    expect(published.status).toBe(200);

    const after = await cms.get('/api/news?locale=zh-CN&sort=publishedDate:desc&populate=cover');
    expect(after.body.data[0]).toMatchObject({ slug: 'canteen-dinner', title: '社区幸福大食堂开始供应晚餐', publishedDate: daysAgo(0) });
    expect(after.body.data[0].cover).toMatchObject({ mime: 'image/png', width: 1, height: 1, url: expect.stringMatching(/^\/uploads\/.+\.png$/) });
    expect(after.body.data).toHaveLength(7);
    // Written last but dated today: first in the default order too.
    const byDefault = await cms.get('/api/news?locale=zh-CN');
    expect(byDefault.body.data.map((n: any) => n.slug).slice(0, 2)).toEqual(['canteen-dinner', 'new-year-closure']);
    // Not translated yet: the English list leaves it out.
    const english = await cms.get('/api/news?locale=en');
    expect(english.body.data.map((n: any) => n.slug)).not.toContain('canteen-dinner');
  });

  it('answers the centre\'s settings in English and in Chinese', async () => {
    const en = await cms.get('/api/site-setting?locale=en');
    expect(en.status).toBe(200);
    expect(en.body.data).toMatchObject({
      locale: 'en',
      centreName: 'Linli Neighbourhood Service Centre',
      address: '88 Xingfu Road, Moumou District, Moumou City',
      openingHoursText: expect.stringContaining('Monday to Friday 8:30–12:00 and 14:00–21:00'),
      notice: expect.stringContaining('winter timetable'),
      mapUrl: expect.stringMatching(/^https:\/\//),
    });
    // The bookable hours are the booking plugin's (Centre hours), not a site setting.
    expect(en.body.data).not.toHaveProperty('defaultOpeningHours');

    const zh = await cms.get('/api/site-setting?locale=zh-CN');
    expect(zh.body.data).toMatchObject({
      locale: 'zh-CN',
      centreName: '邻里党群服务中心',
      address: '某某市某某区幸福路88号',
      openingHoursText: expect.stringContaining('周一至周五 8:30–12:00，14:00–21:00'),
      phone: en.body.data.phone,
    });
    expect(zh.body.data.phone).toMatch(/\d{4}/);
  });

  it('lets an editor empty the notice banner', async () => {
    const admin = await asAdmin(cms);
    const url = `/content-manager/single-types/${SETTINGS}?locale=zh-CN`;
    const current = await admin.request('GET', url);
    expect(current.status).toBe(200);
    const { id, documentId, createdAt, updatedAt, publishedAt, locale, localizations, createdBy, updatedBy, ...fields } = current.body.data;

    const cleared = await admin.request('PUT', url, { ...fields, notice: '' });
    expect(cleared.status).toBe(200);
    const zh = await cms.get('/api/site-setting?locale=zh-CN');
    expect(zh.body.data.notice ?? '').toBe('');
    // The English notice is its own: still there.
    expect((await cms.get('/api/site-setting?locale=en')).body.data.notice).toContain('winter timetable');
  });

  it('does not let anonymous visitors write news or settings', async () => {
    const created = await cms.request('POST', '/api/news', {
      data: { title: '中奖通知', slug: 'spam', kind: 'notice', publishedDate: daysAgo(0), summary: '点击领取' },
    });
    expect(created.status).toBe(403);
    const changed = await cms.request('PUT', '/api/site-setting?locale=zh-CN', { data: { notice: '中心已关闭' } });
    expect(changed.status).toBe(403);

    const list = await cms.get('/api/news?locale=zh-CN');
    expect(list.body.data.map((n: any) => n.slug)).not.toContain('spam');
    expect((await cms.get('/api/site-setting?locale=zh-CN')).body.data.notice ?? '').not.toContain('中心已关闭');
  });
});
