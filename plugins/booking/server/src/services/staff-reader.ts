import type { AboutKind } from '../../../shared/contracts/messages';
import { forbidden } from '../utils/errors';

/**
 * Who reads the delivery log or the call list: the bookings their role lets them see (messages
 * about reservations need "Manage reservations", about enrolments "Manage activities"), and the
 * name written beside a call they tick or a message they send again.
 */
export interface StaffReader {
  aboutKinds: AboutKind[];
  name: string;
}

const PERMISSION_NAME: Record<AboutKind, string> = { reservation: 'Manage reservations', enrolment: 'Manage activities' };

/** Refuses (403) a reader whose role does not cover messages about `kind`. */
export const assertMaySee = (reader: StaffReader, kind: AboutKind): void => {
  if (!reader.aboutKinds.includes(kind)) throw forbidden(`Messages about ${kind}s need the "${PERMISSION_NAME[kind]}" permission`);
};
