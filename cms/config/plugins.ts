import path from 'path';
import type { Core } from '@strapi/strapi';

// Compiled to dist/config, so the app root is two levels up.
const appRoot = path.join(__dirname, '..', '..');

/** Without a real provider, mail is written as JSON files into cms/.mail (git-ignored) instead of being sent. */
const OUTBOX_PROVIDER = '@linli/strapi-plugin-booking/email-outbox';

/** The message kinds that may go by SMS, each with its template ids: SMS_TEMPLATE_<KIND> (Chinese) and SMS_TEMPLATE_<KIND>_EN. */
const SMS_KINDS = [
  'reservation.received',
  'reservation.confirmed',
  'reservation.rejected',
  'reservation.cancelled',
  'enrolment.confirmed',
  'enrolment.waitlisted',
  'enrolment.promoted',
  'enrolment.cancelled',
  'session.moved',
  'session.cancelled',
  'activity.withdrawn',
  'reminder',
  'bookings.found',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  booking: {
    enabled: true,
    config: {
      timezone: env('CENTRE_TIMEZONE', 'Asia/Shanghai'),
      siteUrl: env('SITE_URL', 'http://localhost:4321'),
      rateLimit: {
        max: env.int('BOOKING_RATE_LIMIT_MAX', 30),
        windowSeconds: env.int('BOOKING_RATE_LIMIT_WINDOW_SECONDS', 60),
      },
      readLimit: {
        max: env.int('BOOKING_READ_LIMIT_MAX', 300),
        windowSeconds: env.int('BOOKING_READ_LIMIT_WINDOW_SECONDS', 60),
      },
      manageLinkDays: env.int('BOOKING_MANAGE_LINK_DAYS', 30),
      // Defaults for the reminders; staff may change them on the centre's settings in the admin panel.
      reminders: {
        eveningBefore: { enabled: env.bool('BOOKING_REMINDER_EVENING_BEFORE', true), at: env('BOOKING_REMINDER_EVENING_AT', '18:00') },
        hoursBefore: { enabled: env.bool('BOOKING_REMINDER_HOURS_BEFORE', true), hours: env.int('BOOKING_REMINDER_HOURS', 2) },
        quietHours: { from: env('BOOKING_QUIET_HOURS_FROM', '21:00'), to: env('BOOKING_QUIET_HOURS_TO', '08:00') },
      },
      reminderSweepSeconds: env.int('BOOKING_REMINDER_SWEEP_SECONDS', 60),
      // Without SMS_PROVIDER, text messages are written as JSON files into cms/.sms (git-ignored).
      sms: {
        provider: env('SMS_PROVIDER') || null,
        outboxDir: path.resolve(appRoot, env('SMS_OUTBOX_DIR', '.sms')),
        tencent: {
          secretId: env('TENCENT_SMS_SECRET_ID') || null,
          secretKey: env('TENCENT_SMS_SECRET_KEY') || null,
          region: env('TENCENT_SMS_REGION', 'ap-guangzhou'),
          appId: env('TENCENT_SMS_APP_ID') || null,
          signName: env('TENCENT_SMS_SIGN_NAME') || null,
          endpoint: env('TENCENT_SMS_ENDPOINT') || null,
        },
        templates: Object.fromEntries(
          SMS_KINDS.map((kind) => {
            const name = `SMS_TEMPLATE_${kind.replace(/\./g, '_').toUpperCase()}`;
            return [kind, { 'zh-CN': env(name) || null, en: env(`${name}_EN`) || null }];
          }),
        ),
      },
      // Personal data is anonymised this long after a booking's last date (see README, "Privacy").
      retention: {
        months: env.int('BOOKING_RETENTION_MONTHS', 12),
        cron: env('BOOKING_RETENTION_CRON', '30 3 * * *'),
      },
      delivery: {
        retryLimit: env.int('BOOKING_DELIVERY_RETRY_LIMIT', 4),
        retryDelaySeconds: env.int('BOOKING_DELIVERY_RETRY_DELAY_SECONDS', 60),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  email: {
    config: {
      provider: env('EMAIL_PROVIDER', OUTBOX_PROVIDER),
      // For any other provider (e.g. EMAIL_PROVIDER=nodemailer) its package, such as
      // @strapi/provider-email-nodemailer, must be added to cms/package.json first; these
      // SMTP options are what the nodemailer provider hands to nodemailer's createTransport.
      providerOptions:
        env('EMAIL_PROVIDER', OUTBOX_PROVIDER) === OUTBOX_PROVIDER
          ? { dir: path.resolve(appRoot, env('MAIL_OUTBOX_DIR', '.mail')) }
          : {
              host: env('SMTP_HOST', 'localhost'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASSWORD') } } : {}),
            },
      settings: {
        defaultFrom: env('EMAIL_FROM', '邻里党群服务中心 <no-reply@linli.local>'),
        defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', '邻里党群服务中心 <no-reply@linli.local>')),
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: ['image/*', 'application/pdf'],
        deniedTypes: ['image/svg+xml'],
      },
    },
  },
});

export default config;
