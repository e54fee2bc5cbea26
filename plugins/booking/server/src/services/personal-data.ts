import type { Core } from '@strapi/strapi';
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { UID } from '../constants';
import { messageRepository } from '../outbox/message-repository';
import { activityRepository, type ActivityKind } from '../repositories/activity-repository';
import type { Version } from '../repositories/documents';
import { idempotencyRepository } from '../repositories/idempotency-repository';
import { personalDataRepository, type StoredEnrolment, type StoredReservation } from '../repositories/personal-data-repository';
import { inTransaction } from '../repositories/transaction';
import type { PersonQuery } from '../schemas/personal-data';
import { ConflictError } from '../utils/errors';
import { defaultLocaleOf } from '../utils/locales';
import { personKeyOfRow, personKeys } from '../utils/person-key';
import { phoneKey } from '../utils/phone';
import { enrolmentLastDate } from './retention';

const HOLDING_RESERVATION = ['pending', 'confirmed'];
const HOLDING_ENROLMENT = ['confirmed', 'waitlisted'];

/** Everything the centre holds on one person, as staff read it and as the export file carries it. */
export interface PersonalData {
  query: PersonQuery;
  reservations: Array<Omit<StoredReservation, 'id' | 'personKey'>>;
  enrolments: Array<Omit<StoredEnrolment, 'id' | 'personKey'> & { activityTitle: string | null; lastDate: Date | null; attendance: Array<{ sessionId: string; people: number }> }>;
  messages: Array<{ id: number; kind: string; channel: string; recipient: string | null; about: { kind: string; id: string }; summary: string; state: string; createdAt: Date; sentAt: Date | null; content?: unknown }>;
  /** Bookings still to come: erasure waits until staff cancel them (and the person is told, others promoted). */
  upcoming: Array<{ kind: 'reservation' | 'enrolment'; id: string }>;
  /** Names exactly these rows; erasure asks for it back. */
  confirmation: string;
}

/** What an erasure anonymised: room booking dates and their requests, enrolments, messages. */
export interface ErasureOutcome {
  reservations: number;
  references: number;
  enrolments: number;
  messages: number;
}

/** Rows whose phone or e-mail is the one asked for; a phone compares however it was typed. */
const matcher = (query: PersonQuery) => {
  const phone = query.phone ? phoneKey(query.phone) : '';
  const email = query.email?.trim().toLowerCase() ?? '';
  return (row: { phone?: string | null; email?: string | null }) =>
    (phone !== '' && !!row.phone && phoneKey(row.phone) === phone) || (email !== '' && row.email?.trim().toLowerCase() === email);
};

const confirmationOf = (reservations: StoredReservation[], enrolments: StoredEnrolment[]): string =>
  createHash('sha256')
    .update([...reservations.map((r) => `r:${r.documentId}`), ...enrolments.map((e) => `e:${e.documentId}`)].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);

/**
 * A person's data on request (PIPL: to see it, to have it deleted): find them by phone or e-mail
 * across reservations, enrolments, attendance and messages; hand it all over as a file; erase it.
 */
const personalData = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = personalDataRepository(strapi);

  const rowsOf = async (query: PersonQuery, trx?: Knex.Transaction) => {
    const matches = matcher(query);
    return {
      reservations: (await repo.liveReservations(trx)).filter(matches),
      enrolments: (await repo.liveEnrolments(trx)).filter(matches),
    };
  };

  const titles = async (enrolments: StoredEnrolment[]) => {
    const locale = await defaultLocaleOf(strapi);
    const versions: Version[] = [{ locale, status: 'published' }, { locale, status: 'draft' }];
    const found = new Map<string, string>();
    for (const kind of ['course', 'event'] as ActivityKind[]) {
      const ids = [...new Set(enrolments.filter((e) => e.activityKind === kind).map((e) => e.activityId))];
      for (const [id, row] of await activityRepository(strapi).findByIds(kind, ids, versions)) found.set(`${kind}:${id}`, row.title);
    }
    return found;
  };

  const find = async (query: PersonQuery, now: Date, withContent = false): Promise<PersonalData> => {
    const { reservations, enrolments } = await rowsOf(query);
    const ends = await repo.sessionEnds();
    const attendance = await repo.attendanceOf(enrolments.map((e) => e.documentId));
    const titleOf = await titles(enrolments);
    const references = [...new Set(reservations.map((r) => r.reference))];
    const messages = [];
    const log = messageRepository(strapi);
    for (const [kind, ids] of [['reservation', references], ['enrolment', enrolments.map((e) => e.documentId)]] as const) {
      for (const id of ids) messages.push(...(await log.about(kind, id)));
    }
    const withoutKeys = <R extends { id: number; personKey: string | null }>({ id: _id, personKey: _key, ...rest }: R) => rest;
    return {
      query,
      reservations: reservations.map(withoutKeys),
      enrolments: enrolments.map((e) => ({
        ...withoutKeys(e),
        activityTitle: titleOf.get(`${e.activityKind}:${e.activityId}`) ?? null,
        lastDate: enrolmentLastDate(e, ends),
        attendance: attendance.filter((a) => a.enrolmentId === e.documentId).map(({ sessionId, people }) => ({ sessionId, people })),
      })),
      messages: messages.map((m) => ({
        id: m.id,
        kind: m.kind,
        channel: m.channel,
        recipient: m.recipient,
        about: m.about,
        summary: m.summary,
        state: m.state,
        createdAt: m.createdAt,
        sentAt: m.sentAt,
        ...(withContent ? { content: m.content } : {}),
      })),
      upcoming: [
        ...reservations.filter((r) => HOLDING_RESERVATION.includes(r.status) && r.end > now).map((r) => ({ kind: 'reservation' as const, id: r.reference })),
        ...enrolments.filter((e) => HOLDING_ENROLMENT.includes(e.status) && (enrolmentLastDate(e, ends) ?? now) >= now).map((e) => ({ kind: 'enrolment' as const, id: e.documentId })),
      ].filter((u, i, all) => all.findIndex((v) => v.kind === u.kind && v.id === u.id) === i),
      confirmation: confirmationOf(reservations, enrolments),
    };
  };

  return {
    find: (query: PersonQuery, now: Date) => find(query, now),

    /** The whole record as a file for the person: every field, every message as it was sent. */
    async exportFile(query: PersonQuery, now: Date): Promise<{ filename: string; body: string; data: PersonalData }> {
      const data = await find(query, now, true);
      const { confirmation: _c, ...rest } = data;
      return {
        filename: `personal-data-${now.toISOString().slice(0, 10)}.json`,
        body: JSON.stringify({ exportedAt: now.toISOString(), ...rest }, null, 2),
        data,
      };
    },

    /**
     * Anonymises every row of the person, as retention does (the person key written first, so
     * reports' counts stay), their messages, "I can't come" codes and stored answers. Refuses
     * when what would be erased is not what staff saw, or while a booking is still to come.
     */
    async erase(
      query: PersonQuery & { confirmation: string },
      now: Date,
      record: (erased: ErasureOutcome) => Promise<void>
    ): Promise<ErasureOutcome> {
      const changed = () => new ConflictError('The person’s records changed since the search: search again and confirm what is shown', { code: 'records_changed' });
      const seen = await find(query, now);
      if (seen.confirmation !== query.confirmation) throw changed();
      if (seen.upcoming.length > 0) {
        throw new ConflictError('The person still has bookings to come: cancel them first (they are told, and waiting people move up), then erase', { code: 'upcoming_bookings', upcoming: seen.upcoming });
      }
      return inTransaction(strapi, async (trx) => {
        // Read again inside the transaction: a booking made since the check is not erased unseen.
        const { reservations, enrolments } = await rowsOf(query, trx);
        if (confirmationOf(reservations, enrolments) !== query.confirmation) throw changed();
        const keyFor = personKeys(strapi);
        const keyOf = (row: { phone?: string | null; email?: string | null; personKey?: string | null }) => personKeyOfRow(keyFor, row);
        const references = [...new Set(reservations.map((r) => r.reference))];
        const enrolmentIds = enrolments.map((e) => e.documentId);
        await repo.anonymise(UID.reservation, reservations, keyOf, trx);
        await repo.anonymise(UID.enrolment, enrolments, keyOf, trx);
        await repo.anonymiseMessages({ references, enrolmentIds }, trx);
        await repo.dropCantComeCodes({ reservationIds: reservations.map((r) => r.documentId), enrolmentIds }, trx);
        await idempotencyRepository(strapi).forgetAnswersNaming([...references, ...enrolmentIds, query.phone ?? '', query.email ?? ''], trx);
        const erased = { reservations: reservations.length, references: references.length, enrolments: enrolments.length, messages: seen.messages.length };
        await record(erased);
        return erased;
      });
    },
  };
};

export default personalData;
export type PersonalDataService = ReturnType<typeof personalData>;
