import { affectsSite, SITE_CONTENT_TYPES } from '../../../../../cms/src/site-rebuild/changes';

describe('which writes change the public site', () => {
  const dp = (uid: string, action: string, status?: string) => affectsSite({ uid, action, params: status ? { status } : {}, draftAndPublish: true });
  const plain = (uid: string, action: string) => affectsSite({ uid, action, params: {}, draftAndPublish: false });

  it('counts publishing, unpublishing and deleting what the site shows', () => {
    for (const uid of ['plugin::booking.room', 'plugin::booking.course', 'plugin::booking.event', 'api::news.news']) {
      expect(SITE_CONTENT_TYPES).toContain(uid);
      for (const action of ['publish', 'unpublish', 'delete']) expect(dp(uid, action)).toBe(true);
    }
  });

  it('does not count editing a draft, but does count writing the published version directly', () => {
    expect(dp('api::news.news', 'update')).toBe(false);
    expect(dp('api::news.news', 'create')).toBe(false);
    expect(dp('api::news.news', 'discardDraft')).toBe(false);
    expect(dp('api::news.news', 'update', 'draft')).toBe(false);
    expect(dp('api::news.news', 'update', 'published')).toBe(true);
    expect(dp('api::news.news', 'create', 'published')).toBe(true);
  });

  it('counts every write of content without drafts (categories, site settings, sessions)', () => {
    for (const uid of ['plugin::booking.category', 'api::site-setting.site-setting', 'plugin::booking.session'])
      for (const action of ['create', 'update', 'delete']) expect(plain(uid, action)).toBe(true);
  });

  it('never counts reads', () => {
    for (const action of ['findMany', 'findOne', 'findFirst', 'count']) {
      expect(dp('plugin::booking.room', action)).toBe(false);
      expect(plain('plugin::booking.category', action)).toBe(false);
    }
  });

  it('ignores content the site is not built from', () => {
    for (const uid of ['plugin::booking.reservation', 'plugin::booking.enrolment', 'plugin::booking.attendance', 'plugin::booking.closure', 'plugin::users-permissions.user'])
      for (const action of ['create', 'update', 'delete']) expect(plain(uid, action)).toBe(false);
  });
});
