import type { BoardItem } from '../../../../shared/contracts/board';
import type { Translate } from '../../utils/use-t';

/** What kind of thing an item is, in words: the board never relies on colour alone. */
export const kindLabel = (item: BoardItem, t: Translate): string => {
  if (item.kind === 'session') return t('board.kind.session', 'Activity');
  if (item.kind === 'closure') return t('board.kind.closure', 'Closed');
  if (item.kind === 'buffer') return t('board.kind.buffer', 'Buffer');
  return item.status === 'pending' ? t('board.kind.pending', 'Request (pending)') : t('board.kind.confirmed', 'Booking');
};

/** How many: "3/12 enrolled" for a session, "20 people" for a booking, nothing otherwise. */
export const countLabel = (item: BoardItem, t: Translate): string | null => {
  if (item.count === null) return null;
  if (item.kind === 'session') {
    return item.capacity !== null ? t('board.enrolledOf', '{n}/{capacity} enrolled', { n: item.count, capacity: item.capacity }) : t('board.enrolled', '{n} enrolled', { n: item.count });
  }
  return t('board.people', '{n} people', { n: item.count });
};

/** The line a block shows and a screen reader reads: kind, what, who for, how many. */
export const itemSummary = (item: BoardItem, t: Translate): string =>
  [kindLabel(item, t), item.label || null, item.who, countLabel(item, t)].filter(Boolean).join(' · ');
