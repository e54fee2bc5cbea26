import { Box, Typography } from '@strapi/design-system';
import type * as React from 'react';
import type { BoardItem, GetBoard } from '../../../../shared/contracts/board';
import { assignLanes, clockAtMinute, clockOf, columnCount, columnsOf, dayWindow, slotAt, type Stretch } from '../../utils/board-layout';
import type { Translate } from '../../utils/use-t';
import { ItemBlock } from './ItemBlock';

export interface BookingStart {
  room: string;
  date: string;
  start?: string;
}

interface Props {
  board: GetBoard.Response['data'];
  date: string;
  t: Translate;
  onOpen(item: BoardItem): void;
  /** Absent for staff who may not book rooms: free stretches are then shown, not offered. */
  onBook?(start: BookingStart): void;
}

const ROOM_COLUMN = '11rem';

/** A day: rooms as rows, the day's time as columns of half an hour (CSS grid), items and free stretches placed on them. */
export const DayGrid = ({ board, date, t, onOpen, onBook }: Props) => {
  const tz = board.timezone;
  const window = dayWindow([...board.items, ...board.free], date, tz);
  const columns = columnCount(window);
  const template = `${ROOM_COLUMN} repeat(${columns}, minmax(1.75rem, 1fr))`;
  const hours = Array.from({ length: Math.ceil((window.to - window.from) / 60) }, (_, i) => window.from + i * 60);

  return (
    <Box overflow="auto" background="neutral0" hasRadius shadow="tableShadow" data-board-view="day">
      <Box style={{ display: 'grid', gridTemplateColumns: template, minWidth: `calc(${ROOM_COLUMN} + ${columns * 1.75}rem)` }} borderColor="neutral200" borderStyle="solid" borderWidth="0 0 1px 0">
        <Box padding={2}>
          <Typography variant="sigma">{t('board.room', 'Room')}</Typography>
        </Box>
        {hours.map((minute, i) => (
          <Box key={minute} paddingTop={2} paddingBottom={2} style={{ gridColumn: `${2 + i * (60 / window.slot)} / span ${60 / window.slot}` }} borderColor="neutral200" borderStyle="solid" borderWidth="0 0 0 1px" paddingLeft={1}>
            <Typography variant="pi" textColor="neutral700">{clockAtMinute(date, minute, tz)}</Typography>
          </Box>
        ))}
      </Box>
      {board.rooms.map((room) => {
        const items = assignLanes(board.items.filter((i) => i.roomId === room.id && columnsOf(i, date, tz, window)));
        const lanes = Math.max(1, ...items.map((i) => i.lane + 1));
        const free = board.free.filter((f) => f.roomId === room.id && columnsOf(f, date, tz, window));
        const book = (stretch: Stretch) => (event: React.MouseEvent<HTMLButtonElement>) => {
          // A pointer picks the half hour under it; a keyboard starts at the stretch's beginning.
          const box = event.currentTarget.getBoundingClientRect();
          const fraction = event.detail > 0 && box.width > 0 ? (event.clientX - box.left) / box.width : 0;
          onBook?.({ room: room.slug, date, start: slotAt(stretch, fraction, room.slotMinutes, tz) });
        };
        return (
          <Box
            key={room.id}
            data-room={room.slug}
            style={{ display: 'grid', gridTemplateColumns: template, gridAutoRows: 'minmax(3.5rem, auto)', minWidth: `calc(${ROOM_COLUMN} + ${columns * 1.75}rem)`, rowGap: '2px' }}
            borderColor="neutral200"
            borderStyle="solid"
            borderWidth="0 0 1px 0"
          >
            <Box padding={2} style={{ gridColumn: 1, gridRow: `1 / span ${lanes}` }} background="neutral100">
              <Typography variant="omega" fontWeight="bold" display="block">{room.name}</Typography>
              <Typography variant="pi" textColor="neutral700">
                {[room.floor !== null ? t('board.floorN', 'Floor {n}', { n: room.floor }) : null, t('board.capacity', 'up to {n}', { n: room.capacity })].filter(Boolean).join(' · ')}
              </Typography>
            </Box>
            {free.map((f) => {
              const cols = columnsOf(f, date, tz, window)!;
              const when = `${clockOf(f.start, tz)}–${clockOf(f.end, tz)}`;
              return (
                <Box
                  key={f.start}
                  {...(onBook
                    ? {
                        tag: 'button' as const,
                        type: 'button' as const,
                        'aria-label': t('board.bookFree', 'Book {room}, free {when}', { room: room.name, when }),
                        title: t('board.bookFree', 'Book {room}, free {when}', { room: room.name, when }),
                        onClick: book(f),
                        cursor: 'pointer',
                      }
                    : {})}
                  data-free={room.slug}
                  background="neutral0"
                  borderColor="neutral300"
                  borderStyle="dashed"
                  borderWidth="1px"
                  hasRadius
                  padding={1}
                  textAlign="left"
                  overflow="hidden"
                  minWidth={0}
                  style={{ gridColumn: `${cols.start + 1} / ${cols.end + 1}`, gridRow: 1 }}
                >
                  <Typography variant="pi" textColor="neutral700" ellipsis display="block">{t('board.free', 'Free')} {when}</Typography>
                </Box>
              );
            })}
            {items.map(({ item, lane }) => {
              const cols = columnsOf(item, date, tz, window)!;
              return (
                <ItemBlock
                  key={`${item.kind}-${item.ids.session ?? item.ids.reservation ?? item.ids.closure ?? ''}-${item.start}`}
                  item={item}
                  tz={tz}
                  t={t}
                  onOpen={onOpen}
                  style={{ gridColumn: `${cols.start + 1} / ${cols.end + 1}`, gridRow: lane + 1 }}
                />
              );
            })}
          </Box>
        );
      })}
    </Box>
  );
};
