import type { CallEntry } from '../../../shared/contracts/messages';
import { groupCalls, type CallToGroup } from '../../src/views/call-list';

let nextId = 1;
const call = (name: string, phone: string | null, createdAt: string, state: CallEntry['state'] = 'queued'): CallToGroup => ({
  name,
  phone,
  entry: { id: nextId++, kind: 'reservation.confirmed', about: { kind: 'reservation', id: 'LL-AAAAA' }, summary: `${name} ${createdAt}`, state, handledBy: null, note: null, createdAt, tickedAt: null },
});

describe('groupCalls', () => {
  it('puts every call to one number on one line, whatever the number’s spacing, oldest news first', () => {
    const people = groupCalls([
      call('王芳', '+8613900001111', '2026-11-30T10:00:00+08:00'),
      call('王芳', '+86 139 0000 1111', '2026-11-30T09:00:00+08:00'),
    ]);
    expect(people).toHaveLength(1);
    expect(people[0].calls.map((c) => c.createdAt)).toEqual(['2026-11-30T09:00:00+08:00', '2026-11-30T10:00:00+08:00']);
  });

  it('keeps people without a number apart, even of the same name', () => {
    expect(groupCalls([call('张伟', null, '2026-11-30T09:00:00+08:00'), call('张伟', null, '2026-11-30T09:05:00+08:00')])).toHaveLength(2);
  });

  it('lists people still to ring first, longest waiting first, then those all ticked', () => {
    const people = groupCalls([
      call('已打完', '+8613900000001', '2026-11-29T08:00:00+08:00', 'sent'),
      call('后来的', '+8613900000002', '2026-11-30T11:00:00+08:00'),
      call('先来的', '+8613900000003', '2026-11-30T08:30:00+08:00'),
      call('一半', '+8613900000004', '2026-11-30T12:00:00+08:00', 'failed'),
      call('一半', '+8613900000004', '2026-11-30T12:30:00+08:00'),
    ]);
    expect(people.map((p) => p.name)).toEqual(['先来的', '后来的', '一半', '已打完']);
  });
});
