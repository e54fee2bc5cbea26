import type { Core } from '@strapi/strapi';

const CATEGORY_UID = 'plugin::booking.category';

export interface DemoCategory {
  slug: string;
  /** Shown behind white text on timetable cards: every one has a contrast of at least 4.5:1. */
  color: string;
  sortOrder: number;
  zh: { name: string };
  en: { name: string };
}

/** The kinds of activity a centre's timetable is split into, each with its own colour. */
export const demoCategories: DemoCategory[] = [
  { slug: 'after-school', color: '#a16207', sortOrder: 1, zh: { name: '四点半课堂' }, en: { name: 'After-school class' } },
  { slug: 'culture-arts', color: '#7e22ce', sortOrder: 2, zh: { name: '文化艺术' }, en: { name: 'Culture and arts' } },
  { slug: 'health', color: '#15803d', sortOrder: 3, zh: { name: '健康养老' }, en: { name: 'Health and care' } },
  { slug: 'learning', color: '#1d4ed8', sortOrder: 4, zh: { name: '学习讲座' }, en: { name: 'Talks and learning' } },
  { slug: 'children', color: '#be185d', sortOrder: 5, zh: { name: '少儿' }, en: { name: 'Children' } },
  { slug: 'seniors', color: '#0f766e', sortOrder: 6, zh: { name: '老年' }, en: { name: 'Seniors' } },
  { slug: 'volunteering', color: '#c2410c', sortOrder: 7, zh: { name: '志愿服务' }, en: { name: 'Volunteering' } },
  { slug: 'films', color: '#b91c1c', sortOrder: 8, zh: { name: '红色观影' }, en: { name: 'Classic Chinese films' } },
];

/** Creates the categories in Chinese and English; returns each one's documentId by slug. */
export const loadDemoCategories = async (strapi: Core.Strapi): Promise<Record<string, string>> => {
  const ids: Record<string, string> = {};
  for (const category of demoCategories) {
    const shared = { slug: category.slug, color: category.color, sortOrder: category.sortOrder };
    // The plugin's content types are not in this app's generated types, hence the casts.
    const created = await strapi.documents(CATEGORY_UID as any).create({ locale: 'zh-CN', data: { ...shared, ...category.zh } as any });
    await strapi.documents(CATEGORY_UID as any).update({ documentId: created.documentId, locale: 'en', data: { ...shared, ...category.en } as any });
    ids[category.slug] = created.documentId;
  }
  return ids;
};
