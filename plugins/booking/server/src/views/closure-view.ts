import type { AffectedPerson, ClosureImpact, StaffClosure } from '../../../shared/contracts/closures';
import { zonedInterval } from '../core/time/zoned-interval';
import type { ClosureRow } from '../repositories/closure-repository';
import type { Impact } from '../services/closure-impact';

/** A closure as staff list it, its rooms named. */
export const staffClosureView = (c: ClosureRow, roomNames: Map<string, string>, tz: string): StaffClosure => ({
  id: c.id,
  ...zonedInterval(c, tz),
  reason: c.reason,
  reasonEn: c.reasonEn,
  allRooms: c.roomIds === null,
  rooms: (c.roomIds ?? []).map((id) => ({ id, name: roomNames.get(id) ?? id })),
});

/**
 * What a closure falls on, as staff read it: each reservation date, each session with its number
 * enrolled, and the people to tell, once each (a term's enrolment in two sessions, a series booked
 * under one reference), the ones without e-mail apart so staff phone them.
 */
export const closureImpactView = (impact: Impact, tz: string): Omit<ClosureImpact, 'messages'> => {
  const people = new Map<string, AffectedPerson>();
  for (const r of impact.reservations) {
    people.set(`reservation:${r.reference}`, { name: r.contactName, phone: r.phone, email: r.email, about: r.reference, kind: 'reservation' });
  }
  for (const { activity, roster } of impact.sessions) {
    for (const e of roster) {
      people.set(`enrolment:${e.documentId}`, { name: e.name, phone: e.phone, email: e.email, about: activity?.title ?? '', kind: 'enrolment' });
    }
  }
  const all = [...people.values()];
  return {
    reservations: impact.reservations.map((r) => ({
      reference: r.reference,
      room: r.room?.name ?? '',
      ...zonedInterval(r, tz),
      status: r.status,
      contactName: r.contactName,
      phone: r.phone,
      email: r.email,
    })),
    sessions: impact.sessions.map(({ session, activity, room, roster }) => ({
      id: session.documentId,
      activity: activity?.title ?? '',
      room: room?.name ?? null,
      ...zonedInterval(session, tz),
      status: session.status,
      enrolled: roster.filter((e) => e.status === 'confirmed').reduce((n, e) => n + e.people, 0),
    })),
    people: { withEmail: all.filter((p) => p.email).length, phoneOnly: all.filter((p) => !p.email), all },
  };
};
