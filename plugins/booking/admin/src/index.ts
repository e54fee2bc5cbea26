import { Calendar, ChartPie, CheckCircle, Clock, GridNine, Lock, Mail, Phone, Shield, User } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';
import { PAGE_PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };

// Strapi's admin asks each plugin for its strings per admin language; keys are namespaced by plugin.
const loadTranslations = async (locale: string): Promise<Record<string, string>> => {
  const loaders: Record<string, () => Promise<TranslationModule>> = {
    en: () => import('./translations/en.json'),
    'zh-Hans': () => import('./translations/zh-Hans.json'),
    zh: () => import('./translations/zh-Hans.json'),
  };
  const load = loaders[locale];
  if (!load) return {};
  const { default: strings } = await load();
  return Object.fromEntries(Object.entries(strings).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
};

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    // The front desk's pages, in the order of a day's work. Each is shown only to staff whose role
    // holds its action (the "Front desk / 前台" role holds them all); the API checks the same.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/board`,
      icon: GridNine,
      intlLabel: { id: `${PLUGIN_ID}.board.menu`, defaultMessage: 'Day board' },
      Component: () => import('./pages/BoardPage'),
      permissions: PAGE_PERMISSIONS.board,
    });
    // Staff approve and reject room requests here, without touching the API.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Calendar,
      intlLabel: { id: `${PLUGIN_ID}.reservations.menu`, defaultMessage: 'Room requests' },
      Component: () => import('./pages/ReservationsPage'),
      permissions: PAGE_PERMISSIONS.requests,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/activities`,
      icon: User,
      intlLabel: { id: `${PLUGIN_ID}.activities.menu`, defaultMessage: 'Activities desk' },
      Component: () => import('./pages/ActivitiesPage'),
      permissions: PAGE_PERMISSIONS.activities,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/attendance`,
      icon: CheckCircle,
      intlLabel: { id: `${PLUGIN_ID}.attendance.menu`, defaultMessage: 'Attendance' },
      Component: () => import('./pages/AttendancePage'),
      permissions: PAGE_PERMISSIONS.attendance,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/closures`,
      icon: Lock,
      intlLabel: { id: `${PLUGIN_ID}.closures.menu`, defaultMessage: 'Closures' },
      Component: () => import('./pages/ClosuresPage'),
      permissions: PAGE_PERMISSIONS.closures,
    });
    // Whom staff ring today (电话通知名单), and every message sent, failures first.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/calls`,
      icon: Phone,
      intlLabel: { id: `${PLUGIN_ID}.calls.menu`, defaultMessage: 'Call list' },
      Component: () => import('./pages/CallListPage'),
      permissions: PAGE_PERMISSIONS.calls,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/messages`,
      icon: Mail,
      intlLabel: { id: `${PLUGIN_ID}.messages.menu`, defaultMessage: 'Messages' },
      Component: () => import('./pages/MessagesPage'),
      permissions: PAGE_PERMISSIONS.messages,
    });
    // Who did what: for those overseeing the desk (the "View audit log" permission), read only.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/audit`,
      icon: Clock,
      intlLabel: { id: `${PLUGIN_ID}.audit.menu`, defaultMessage: 'Audit log' },
      Component: () => import('./pages/AuditLogPage'),
      permissions: PAGE_PERMISSIONS.audit,
    });
    // A resident's request to see or delete their data (PIPL), for the staff named to answer it.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/personal-data`,
      icon: Shield,
      intlLabel: { id: `${PLUGIN_ID}.privacyData.menu`, defaultMessage: 'Personal data requests' },
      Component: () => import('./pages/PersonalDataPage'),
      permissions: PAGE_PERMISSIONS.personalData,
    });
    // The monthly and yearly figures (统计报表), for roles holding "View reports".
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/reports`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.reports.menu`, defaultMessage: 'Reports' },
      Component: () => import('./pages/ReportsPage'),
      permissions: PAGE_PERMISSIONS.reports,
    });
    // Course and event schedules are edited as a form, not as JSON.
    app.customFields.register({
      name: 'schedule',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.schedule.label`, defaultMessage: 'Schedule' },
      intlDescription: { id: `${PLUGIN_ID}.schedule.description`, defaultMessage: 'When a course or event meets' },
      icon: Calendar,
      // Strapi types a custom field's input as taking no props, yet renders it with the field's props
      // (name, label, hint, required, disabled), which ScheduleInput declares.
      components: { Input: async () => ({ default: (await import('./components/ScheduleInput')).default as unknown as ComponentType }) },
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(locales.map(async (locale) => ({ data: await loadTranslations(locale), locale })));
  },
};
