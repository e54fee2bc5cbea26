import { boardAt, type ScreenRoomAvailability, type ScreenSession } from '../../../../../site/src/lib/screen-board';

const session = (id: string, start: string, end: string, extra: Partial<ScreenSession> = {}): ScreenSession => ({
  id,
  start: `2026-11-24T${start}:00+08:00`,
  end: `2026-11-24T${end}:00+08:00`,
  status: 'scheduled',
  movedToRoom: null,
  activity: { title: id, room: { name: '多功能厅' }, location: null },
  ...extra,
});
const room = (slug: string, free: Array<[string, string]>): ScreenRoomAvailability => ({
  room: { slug, name: slug },
  days: [{ date: '2026-11-24', free: free.map(([a, b]) => ({ start: `2026-11-24T${a}:00+08:00`, end: `2026-11-24T${b}:00+08:00` })) }],
});
const at = (time: string) => Date.parse(`2026-11-24T${time}:00+08:00`);

describe('what the foyer screen shows at an instant', () => {
  it('puts what has started and not ended under "now", and what starts later under "next", in order', () => {
    const board = boardAt(at('10:00'), [session('later', '14:00', '15:00'), session('on', '09:30', '11:00'), session('over', '08:00', '10:00'), session('soon', '10:30', '11:00')], []);
    expect(board.current.map((x) => x.id)).toEqual(['on']);
    expect(board.next.map((x) => x.id)).toEqual(['soon', 'later']);
  });

  it('never shows a cancelled session as on now, but keeps it in "next" marked, so nobody comes for it', () => {
    const board = boardAt(at('10:00'), [session('off', '09:00', '11:00', { status: 'cancelled' }), session('off-later', '15:00', '16:00', { status: 'cancelled' })], []);
    expect(board.current).toEqual([]);
    expect(board.next).toEqual([expect.objectContaining({ id: 'off-later', cancelled: true })]);
  });

  it('names the room a session was moved to, else its own room, else the place outside', () => {
    const board = boardAt(at('08:00'), [
      session('moved', '09:00', '10:00', { movedToRoom: { name: '党员教育室' } }),
      session('outside', '10:00', '11:00', { activity: { title: 'walk', room: null, location: '社区广场' } }),
      session('here', '11:00', '12:00'),
    ], []);
    expect(board.next.map((x) => x.where)).toEqual(['党员教育室', '社区广场', '多功能厅']);
  });

  it('keeps to the rows a television holds: fewer "next" when much is on, always a couple', () => {
    const many = Array.from({ length: 9 }, (_, i) => session(`s${i}`, `1${i}:00`, `1${i}:30`));
    expect(boardAt(at('08:00'), many, []).next).toHaveLength(6);
    const onNow = Array.from({ length: 5 }, (_, i) => session(`on${i}`, '09:00', '12:00'));
    const board = boardAt(at('10:00'), [...onNow, ...many.slice(3)], []);
    expect(board.current).toHaveLength(5);
    expect(board.next).toHaveLength(2);
  });

  it('lists a room as free when a free stretch holds the instant, with the end of that stretch', () => {
    const board = boardAt(at('10:00'), [], [room('a', [['08:00', '10:00'], ['11:00', '21:00']]), room('b', [['10:00', '12:30']]), room('c', []), room('d', [['09:00', '10:00']])]);
    expect(board.free).toEqual([{ slug: 'b', name: 'b', until: '2026-11-24T12:30:00+08:00' }]);
  });
});
