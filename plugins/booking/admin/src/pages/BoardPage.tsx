import * as React from 'react';
import { Layouts, Page, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { BoardItem, GetBoard } from '../../../shared/contracts/board';
import { BookingForm } from '../components/board/BookingForm';
import { DayGrid, type BookingStart } from '../components/board/DayGrid';
import { ItemDetails } from '../components/board/ItemDetails';
import { Legend } from '../components/board/Legend';
import { WeekGrid } from '../components/board/WeekGrid';
import { PAGE_PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { datesOfView, shiftDate, stepOf, type BoardView } from '../utils/board-layout';
import { dayLabel } from '../utils/day-label';
import { useT } from '../utils/use-t';

/** Today on the browser's clock: a first guess, corrected by the centre's today from the first answer. */
const browserToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

const ALL = 'all';

/** 前台总览: every room against time for a day or a week, one request per view; click an item for its details, a free stretch to book. */
const BoardPage = () => {
  const { t, locale } = useT();
  const { get } = useFetchClient();
  const [view, setView] = React.useState<BoardView>('day');
  const [anchor, setAnchor] = React.useState(browserToday);
  const [floor, setFloor] = React.useState<string>(ALL);
  const [room, setRoom] = React.useState<string>(ALL);
  const [board, setBoard] = React.useState<GetBoard.Response['data'] | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [open, setOpen] = React.useState<BoardItem | null>(null);
  const [booking, setBooking] = React.useState<BookingStart | null>(null);
  const corrected = React.useRef(false);
  // The board is open to activities staff too; only those who manage reservations may book from it.
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.requests);
  const onBook = allowedActions.canManage ? setBooking : undefined;

  const dates = datesOfView(view, anchor);
  const from = dates[0];
  const to = dates[dates.length - 1];

  const load = React.useCallback(async () => {
    try {
      const params = { from, to, ...(floor !== ALL ? { floor } : {}), ...(room !== ALL ? { room } : {}) };
      const { data } = (await get(`/${PLUGIN_ID}/board`, { params })) as { data: GetBoard.Response };
      setFailed(false);
      if (!corrected.current) {
        corrected.current = true;
        if (data.data.today !== anchor) {
          setAnchor(data.data.today);
          return;
        }
      }
      setBoard(data.data);
    } catch {
      setFailed(true);
    }
  }, [get, from, to, floor, room, anchor]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const title = view === 'day' ? dayLabel(anchor, locale, true) : t('board.weekOf', '{from} – {to}', { from: dayLabel(from, locale, true), to: dayLabel(to, locale) });
  const roomChoices = (board?.choices ?? []).filter((c) => floor === ALL || String(c.floor) === floor);
  const today = board?.today ?? browserToday();

  return (
    <Page.Main>
      <Page.Title>{t('board.title', 'Day board')}</Page.Title>
      <Layouts.Header
        title={t('board.title', 'Day board')}
        subtitle={t('board.subtitle', 'Every room against time, for a day or a week.')}
        primaryAction={
          onBook && (
            <Button startIcon={<Plus />} onClick={() => onBook({ room: board?.choices[0]?.slug ?? '', date: view === 'day' ? anchor : today })}>
              {t('board.newBooking', 'New booking')}
            </Button>
          )
        }
      />
      <Layouts.Content>
        <Flex gap={4} marginBottom={4} wrap="wrap" alignItems="flex-end" justifyContent="space-between">
          <Flex gap={2} wrap="wrap" alignItems="center">
            <Button variant="tertiary" onClick={() => setAnchor(shiftDate(anchor, -stepOf(view)))}>{view === 'day' ? t('board.previousDay', 'Previous day') : t('board.previousWeek', 'Previous week')}</Button>
            <Button variant="secondary" onClick={() => setAnchor(today)} disabled={anchor === today}>{t('board.today', 'Today')}</Button>
            <Button variant="tertiary" onClick={() => setAnchor(shiftDate(anchor, stepOf(view)))}>{view === 'day' ? t('board.nextDay', 'Next day') : t('board.nextWeek', 'Next week')}</Button>
            <Flex gap={1} role="group" aria-label={t('board.view', 'Show')} marginLeft={2}>
              {(['day', 'week'] as const).map((v) => (
                <Button key={v} variant={v === view ? 'default' : 'tertiary'} aria-pressed={v === view} onClick={() => setView(v)}>
                  {v === 'day' ? t('board.day', 'Day') : t('board.week', 'Week')}
                </Button>
              ))}
            </Flex>
          </Flex>
          <Flex gap={2} wrap="wrap" alignItems="flex-end">
            <Box minWidth="10rem">
              <Field.Root name="floor">
                <Field.Label>{t('board.floor', 'Floor')}</Field.Label>
                <SingleSelect value={floor} onChange={(v: string | number) => { setFloor(String(v)); setRoom(ALL); }}>
                  <SingleSelectOption value={ALL}>{t('board.allFloors', 'All floors')}</SingleSelectOption>
                  {(board?.floors ?? []).map((f) => (
                    <SingleSelectOption key={f} value={String(f)}>{t('board.floorN', 'Floor {n}', { n: f })}</SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box minWidth="12rem">
              <Field.Root name="room">
                <Field.Label>{t('board.room', 'Room')}</Field.Label>
                <SingleSelect value={room} onChange={(v: string | number) => setRoom(String(v))}>
                  <SingleSelectOption value={ALL}>{t('board.allRooms', 'All rooms')}</SingleSelectOption>
                  {roomChoices.map((c) => (
                    <SingleSelectOption key={c.slug} value={c.slug}>{c.name}</SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          </Flex>
        </Flex>
        <Flex justifyContent="space-between" alignItems="center" marginBottom={2} wrap="wrap" gap={2}>
          <Typography variant="beta" tag="h2" data-board-title>{title}</Typography>
          <Legend t={t} />
        </Flex>
        {failed && <Page.Error />}
        {!failed && !board && <Page.Loading />}
        {board && board.rooms.length === 0 && (
          <Box padding={6} background="neutral0" hasRadius>
            <Typography>{t('board.noRooms', 'No room to show.')}</Typography>
          </Box>
        )}
        {board && board.rooms.length > 0 && board.from === from && board.to === to && (
          view === 'day'
            ? <DayGrid board={board} date={anchor} t={t} onOpen={setOpen} onBook={onBook} />
            : <WeekGrid board={board} dates={dates} locale={locale} t={t} onOpen={setOpen} onBook={onBook} onDay={(date) => { setAnchor(date); setView('day'); }} />
        )}
        <ItemDetails item={open} room={board?.rooms.find((r) => r.id === open?.roomId)} locale={locale} t={t} onClose={() => setOpen(null)} onChanged={() => void load()} />
        <BookingForm initial={booking} choices={board?.choices ?? []} locale={locale} t={t} onClose={() => setBooking(null)} onBooked={() => void load()} />
      </Layouts.Content>
    </Page.Main>
  );
};

/** Staff holding either front desk permission see the board (the API checks the same). */
const ProtectedBoardPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.board}>
    <BoardPage />
  </Page.Protect>
);

export default ProtectedBoardPage;
