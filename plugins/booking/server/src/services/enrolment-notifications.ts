import type { Core } from '@strapi/strapi';
import { instantToZonedIso } from '../core/time/zoned';
import { promotedMessage } from '../mail/enrolment-messages';
import type { EnrolmentRow } from '../repositories/enrolment-repository';
import type { SessionRow } from '../repositories/session-repository';
import { bookingConfig } from './settings';

/** Mail about enrolments, sent after the transaction; a failure is logged, never undoes anything. */
const enrolmentNotifications = ({ strapi }: { strapi: Core.Strapi }) => ({
  promoted(rows: EnrolmentRow[], activity: any, session: SessionRow | null) {
    const { timezone, centreName } = bookingConfig(strapi);
    for (const row of rows) {
      if (!row.email || !strapi.plugin('email')) continue;
      const when = session ? instantToZonedIso(session.start, timezone).slice(0, 16).replace('T', ' ') : null;
      const message = promotedMessage({ language: row.language, name: row.name, title: activity?.title ?? '', when, centreName: centreName[row.language] });
      strapi
        .plugin('email')
        .service('email')
        .send({ to: row.email, ...message })
        .catch((error: Error) => strapi.log.error(`booking: could not mail ${row.documentId} about their place: ${error.message}`));
    }
  },
});

export default enrolmentNotifications;
