import type { Core } from '@strapi/strapi';
import { TABLES } from '../constants';
import type { MessageKind } from '../messages/message-kind';
import { open, seal, sealingKey, type SealingKey } from '../utils/sealing';

const TABLE = TABLES.messages;

export type Channel = 'email' | 'sms' | 'call';
/** For calls: queued = to ring, sent = reached, failed = could not be reached. */
export type MessageState = 'queued' | 'sending' | 'sent' | 'retrying' | 'failed';

export interface NewMessage {
  kind: MessageKind;
  channel: Channel;
  /** An e-mail address, an E.164 phone number, or for a call the number to ring (null when there is none). */
  recipient: string | null;
  name: string;
  language: 'zh-CN' | 'en';
  about: { kind: 'reservation' | 'enrolment'; id: string };
  /** One line for staff: what the message is about. */
  summary: string;
  /** What the channel sends: a mail's subject, text and html; a text message's template and parameters. */
  content: unknown;
  dedupeKey?: string | null;
}

export interface MessageRow {
  id: number;
  dedupeKey: string | null;
  kind: MessageKind;
  channel: Channel;
  recipient: string | null;
  name: string;
  language: 'zh-CN' | 'en';
  about: { kind: 'reservation' | 'enrolment'; id: string };
  summary: string;
  content: unknown;
  state: MessageState;
  attempts: number;
  lastAnswer: string | null;
  handledBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

/**
 * A message's content holds its manage link, whose token is kept nowhere in clear (only its hash is
 * stored), so the content is sealed with keys derived from APP_KEYS, like stored idempotency answers.
 */
const contentKeys = (strapi: Core.Strapi): SealingKey[] => {
  const secrets = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
  if (secrets.length === 0) throw new Error('booking plugin: server.app.keys (APP_KEYS) must be set to seal messages to residents');
  return secrets.map((secret) => sealingKey(secret, 'outbox-messages'));
};
const CONTENT_CONTEXT = 'booking_messages.content';

const date = (value: unknown): Date | null => (value == null ? null : new Date(value as string | number | Date));

const toRow = (r: Record<string, any>, keys: SealingKey[]): MessageRow => ({
  id: Number(r.id),
  dedupeKey: r.dedupe_key ?? null,
  kind: r.kind,
  channel: r.channel,
  recipient: r.recipient ?? null,
  name: r.name,
  language: r.language,
  about: { kind: r.about_kind, id: r.about_id },
  summary: r.summary,
  // Content sealed under keys this server no longer has reads as null: the log entry stays.
  content: JSON.parse(open(r.content, keys, CONTENT_CONTEXT) ?? 'null'),
  state: r.state,
  attempts: Number(r.attempts),
  lastAnswer: r.last_answer ?? null,
  handledBy: r.handled_by ?? null,
  createdAt: date(r.created_at)!,
  updatedAt: date(r.updated_at)!,
  sentAt: date(r.sent_at),
});

/**
 * A claim older than this belongs to a process that died while sending: shorter than the five
 * minutes after which pg-boss gives such a job to another process (pg-boss-queue.ts).
 */
const STALE_CLAIM_MS = 4 * 60_000;

/** The delivery log: every message to a resident, its channel, state and the provider's last answer. */
export const messageRepository = (strapi: Core.Strapi) => {
  const table = () => strapi.db.connection(TABLE);
  return {
    /** The new message's id, or null when its dedupe key was used before (nothing is written). */
    async insert(message: NewMessage, now: Date): Promise<number | null> {
      const rows = await table()
        .insert({
          dedupe_key: message.dedupeKey ?? null,
          kind: message.kind,
          channel: message.channel,
          recipient: message.recipient,
          name: message.name.slice(0, 80),
          language: message.language,
          about_kind: message.about.kind,
          about_id: message.about.id,
          summary: message.summary.slice(0, 300),
          content: seal(JSON.stringify(message.content), contentKeys(strapi)[0], CONTENT_CONTEXT),
          state: 'queued',
          attempts: 0,
          created_at: now,
          updated_at: now,
        })
        .onConflict('dedupe_key')
        .ignore()
        .returning('id');
      const first = rows[0] as { id: number } | number | undefined;
      if (first === undefined) return null;
      return typeof first === 'object' ? Number(first.id) : Number(first);
    },

    /** Which of these dedupe keys were used already (the reminder sweep skips those before doing any work for them). */
    async usedKeys(keys: string[]): Promise<Set<string>> {
      const used = new Set<string>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = (await table().whereIn('dedupe_key', keys.slice(i, i + 500)).select('dedupe_key')) as Array<{ dedupe_key: string }>;
        for (const r of rows) used.add(r.dedupe_key);
      }
      return used;
    },

    async find(id: number): Promise<MessageRow | null> {
      const row = await table().where({ id }).first();
      return row ? toRow(row, contentKeys(strapi)) : null;
    },

    /**
     * Takes the message for one sending attempt: true for exactly one caller, however many processes
     * hold a job for it. A message already sent is never taken again.
     */
    async claim(id: number, now: Date): Promise<boolean> {
      const taken = await table()
        .where({ id })
        .andWhere((q) => q.whereIn('state', ['queued', 'retrying']).orWhere((s) => s.where('state', 'sending').andWhere('updated_at', '<', new Date(now.getTime() - STALE_CLAIM_MS))))
        .update({ state: 'sending', attempts: strapi.db.connection.raw('attempts + 1'), updated_at: now });
      return Number(taken) === 1;
    },

    async settle(id: number, outcome: { state: 'sent' | 'retrying' | 'failed'; answer: string; handledBy?: string | null }, now: Date): Promise<void> {
      await table()
        .where({ id })
        .update({
          state: outcome.state,
          last_answer: outcome.answer.slice(0, 2000),
          updated_at: now,
          ...(outcome.state === 'sent' ? { sent_at: now } : {}),
          ...(outcome.handledBy !== undefined ? { handled_by: outcome.handledBy } : {}),
        });
    },

    /** Claims of a process that is gone: with jobs in memory, no other process can be sending. */
    async releaseClaims(now: Date): Promise<void> {
      await table().where({ state: 'sending' }).update({ state: 'retrying', updated_at: now });
    },

    /** Messages still to send by mail or SMS that no job may hold any more (for a start after a stop). */
    async unsent(olderThan: Date): Promise<number[]> {
      const rows = await table()
        .whereIn('channel', ['email', 'sms'])
        .whereIn('state', ['queued', 'retrying', 'sending'])
        .andWhere('updated_at', '<', olderThan)
        .select('id');
      return rows.map((r: { id: number }) => Number(r.id));
    },

    async about(kind: 'reservation' | 'enrolment', id: string): Promise<MessageRow[]> {
      return (await table().where({ about_kind: kind, about_id: id }).orderBy('id', 'asc')).map((r: Record<string, any>) => toRow(r, contentKeys(strapi)));
    },

    /**
     * Messages newest first, failures and retries before the rest, at most `limit`; `capped` says
     * more matched. `aboutKinds` keeps to the bookings the reader may see.
     */
    async list(filter: { states?: MessageState[]; channels?: Channel[]; aboutKinds?: Array<'reservation' | 'enrolment'>; since?: Date; until?: Date; limit?: number }): Promise<{ rows: MessageRow[]; capped: boolean }> {
      const limit = filter.limit ?? 200;
      const q = table()
        .orderByRaw("CASE state WHEN 'failed' THEN 0 WHEN 'retrying' THEN 1 ELSE 2 END")
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (filter.states) q.whereIn('state', filter.states);
      if (filter.channels) q.whereIn('channel', filter.channels);
      if (filter.aboutKinds) q.whereIn('about_kind', filter.aboutKinds);
      if (filter.since) q.andWhere('created_at', '>=', filter.since);
      if (filter.until) q.andWhere('created_at', '<', filter.until);
      const rows = (await q).map((r: Record<string, any>) => toRow(r, contentKeys(strapi)));
      return { rows: rows.slice(0, limit), capped: rows.length > limit };
    },

    /**
     * A failed message back in the queue (a call back on the call list): true for exactly one
     * caller, so two staff pressing "send again" at once queue it once.
     */
    async requeue(id: number, handledBy: string, now: Date): Promise<boolean> {
      const taken = await table().where({ id, state: 'failed' }).update({ state: 'queued', handled_by: handledBy.slice(0, 120), updated_at: now });
      return Number(taken) === 1;
    },

    /**
     * The call list of one day [dayStart, dayEnd): calls created before its end still to ring,
     * and those ticked during it.
     */
    async calls(dayStart: Date, dayEnd: Date, aboutKinds: Array<'reservation' | 'enrolment'>): Promise<MessageRow[]> {
      const rows = await table()
        .where({ channel: 'call' })
        .whereIn('about_kind', aboutKinds)
        .andWhere((q) =>
          q
            .where((toRing) => toRing.where('state', 'queued').andWhere('created_at', '<', dayEnd))
            .orWhere((ticked) => ticked.whereIn('state', ['sent', 'failed']).andWhere('updated_at', '>=', dayStart).andWhere('updated_at', '<', dayEnd))
        )
        .orderBy('id', 'asc');
      return rows.map((r: Record<string, any>) => toRow(r, contentKeys(strapi)));
    },

    /** Ticks a call still to ring: true for exactly one caller, so a call is never ticked twice. */
    async tickCall(id: number, tick: { reached: boolean; handledBy: string; note: string | null }, now: Date): Promise<boolean> {
      const taken = await table()
        .where({ id, channel: 'call', state: 'queued' })
        .update({
          state: tick.reached ? 'sent' : 'failed',
          handled_by: tick.handledBy.slice(0, 120),
          last_answer: tick.note?.slice(0, 2000) ?? null,
          attempts: strapi.db.connection.raw('attempts + 1'),
          updated_at: now,
          ...(tick.reached ? { sent_at: now } : {}),
        });
      return Number(taken) === 1;
    },
  };
};
