import { Box, Flex, IconButton, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { BoardItem, GetBoard } from '../../../../shared/contracts/board';
import { byRoomAndDate, cellKey } from '../../utils/board-layout';
import { dayLabel } from '../../utils/day-label';
import type { Translate } from '../../utils/use-t';
import type { BookingStart } from './DayGrid';
import { ItemBlock } from './ItemBlock';

interface Props {
  board: GetBoard.Response['data'];
  dates: string[];
  locale: string;
  t: Translate;
  onOpen(item: BoardItem): void;
  /** Absent for staff who may not book rooms. */
  onBook?(start: BookingStart): void;
  onDay(date: string): void;
}

/** A week: rooms as rows, days as columns; each cell lists the room's items of the day compactly. */
export const WeekGrid = ({ board, dates, locale, t, onOpen, onBook, onDay }: Props) => {
  const tz = board.timezone;
  const cells = byRoomAndDate(board.items.filter((i) => i.kind !== 'buffer'), dates, tz);
  const template = `11rem repeat(${dates.length}, minmax(9rem, 1fr))`;
  return (
    <Box overflow="auto" background="neutral0" hasRadius shadow="tableShadow" data-board-view="week">
      <Box style={{ display: 'grid', gridTemplateColumns: template }} borderColor="neutral200" borderStyle="solid" borderWidth="0 0 1px 0">
        <Box padding={2}>
          <Typography variant="sigma">{t('board.room', 'Room')}</Typography>
        </Box>
        {dates.map((date) => (
          <Box key={date} padding={2} borderColor="neutral200" borderStyle="solid" borderWidth="0 0 0 1px">
            <Box tag="button" type="button" onClick={() => onDay(date)} cursor="pointer" background="transparent" borderWidth="0" padding={0} aria-label={t('board.openDay', 'Open the day {day}', { day: dayLabel(date, locale) })}>
              <Typography variant="sigma" textColor="primary700" textDecoration="underline">{dayLabel(date, locale)}</Typography>
            </Box>
          </Box>
        ))}
      </Box>
      {board.rooms.map((room) => (
        <Box key={room.id} data-room={room.slug} style={{ display: 'grid', gridTemplateColumns: template }} borderColor="neutral200" borderStyle="solid" borderWidth="0 0 1px 0">
          <Box padding={2} background="neutral100">
            <Typography variant="omega" fontWeight="bold" display="block">{room.name}</Typography>
            <Typography variant="pi" textColor="neutral700">{room.floor !== null ? t('board.floorN', 'Floor {n}', { n: room.floor }) : ''}</Typography>
          </Box>
          {dates.map((date) => (
            <Flex key={date} direction="column" alignItems="stretch" gap={1} padding={1} borderColor="neutral200" borderStyle="solid" borderWidth="0 0 0 1px" data-cell={cellKey(room.slug, date)}>
              {(cells.get(cellKey(room.id, date)) ?? []).map((item) => (
                <ItemBlock key={`${item.kind}-${item.ids.session ?? item.ids.reservation ?? item.ids.closure ?? ''}-${item.start}`} item={item} tz={tz} t={t} compact onOpen={onOpen} />
              ))}
              {onBook && (
                <Flex justifyContent="flex-end">
                  <IconButton label={t('board.bookOn', 'Book {room} on {day}', { room: room.name, day: dayLabel(date, locale) })} variant="ghost" size="S" onClick={() => onBook({ room: room.slug, date })}>
                    <Plus />
                  </IconButton>
                </Flex>
              )}
            </Flex>
          ))}
        </Box>
      ))}
    </Box>
  );
};
