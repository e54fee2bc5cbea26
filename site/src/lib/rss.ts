import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';
import { localizedPath, type Locale } from '../i18n/locales';
import { t } from '../i18n/strings';

/** The news and notices of one language as RSS 2.0, newest first. */
export const newsFeed = async (locale: Locale, site: URL) => {
  const s = t(locale);
  const items = (await getCollection('news', (e) => e.data.siteLocale === locale)).sort((a, b) => a.data.order - b.data.order);
  return rss({
    title: s.rssTitle,
    description: s.rssDescription,
    site,
    customData: `<language>${locale === 'en' ? 'en' : 'zh-cn'}</language>`,
    items: items.map(({ data }) => ({
      title: data.kind === 'notice' ? `${s.notice}${locale === 'en' ? ': ' : '：'}${data.title}` : data.title,
      link: localizedPath(`/news/${data.slug}/`, locale),
      // The editor gives a date, not a time: noon UTC keeps that date in nearly every reader's zone.
      pubDate: new Date(`${data.publishedDate.slice(0, 10)}T12:00:00Z`),
      description: data.summary ?? undefined,
      categories: data.tags,
    })),
  });
};
