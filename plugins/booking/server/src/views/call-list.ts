import type { CallEntry, CallPerson } from '../../../shared/contracts/messages';

/** What the call list needs of a message: whom to ring, and the entry shown for it. */
export interface CallToGroup {
  name: string;
  phone: string | null;
  entry: CallEntry;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * The call list by person: one line per number (a person without one is a line of their own), so
 * staff ring once and tell everything that is waiting. People with calls still to ring come first,
 * the longest waiting first; those all ticked follow, in the order they were first told.
 */
export const groupCalls = (calls: CallToGroup[]): CallPerson[] => {
  const people = new Map<string, CallPerson>();
  calls.forEach((call, i) => {
    const key = call.phone ? `phone:${digits(call.phone)}` : `none:${i}`;
    const person = people.get(key) ?? { name: call.name, phone: call.phone, calls: [] };
    person.calls.push(call.entry);
    people.set(key, person);
  });
  const firstCreated = (p: CallPerson) => Math.min(...p.calls.map((c) => Date.parse(c.createdAt)));
  const waiting = (p: CallPerson) => p.calls.some((c) => c.state === 'queued');
  for (const person of people.values()) person.calls.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  return [...people.values()].sort((a, b) => Number(waiting(b)) - Number(waiting(a)) || firstCreated(a) - firstCreated(b));
};
