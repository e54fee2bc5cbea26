import * as React from 'react';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useSearchParams } from 'react-router-dom';
import type { ListDaySessions } from '../../../../shared/contracts/session-roster';
import { PLUGIN_ID } from '../../pluginId';
import { isCalendarDay } from '../../utils/calendar-day';
import { useT } from '../../utils/use-t';
import { DayNavigator } from './DayNavigator';
import { DaySessionList } from './DaySessionList';
import { RosterMarker } from './RosterMarker';

type Day = ListDaySessions.Response['data'];

/**
 * The attendance desk: a day's sessions (the centre's today unless `?date=`), and a session's roster
 * to mark when `?session=<id>` names one (the day board links here that way).
 */
export const AttendanceDesk = () => {
  const { t } = useT();
  const { get } = useFetchClient();
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session');
  const asked = params.get('date');
  const date = isCalendarDay(asked) ? asked : null;
  const [day, setDay] = React.useState<Day | null>(null);
  const [failed, setFailed] = React.useState(false);

  const load = React.useCallback(async () => {
    try {
      const { data } = (await get(`/${PLUGIN_ID}/sessions`, { params: date ? { date } : {} })) as { data: ListDaySessions.Response };
      setDay(data.data);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [get, date]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const go = (next: { date?: string | null; session?: string | null }) => {
    const d = next.date === undefined ? date : next.date;
    const s = next.session === undefined ? sessionId : next.session;
    setParams({ ...(d ? { date: d } : {}), ...(s ? { session: s } : {}) });
  };

  if (sessionId) return <RosterMarker sessionId={sessionId} today={day?.today ?? null} onBack={(d) => go({ session: null, date: d && d !== day?.today ? d : null })} onSaved={() => void load()} />;
  if (failed)
    return (
      <Flex direction="column" alignItems="flex-start" gap={4}>
        <Typography role="alert">{t('attendance.dayFailed', "The day's sessions could not be loaded.")}</Typography>
        <Button size="L" onClick={() => go({ date: null })}>
          {t('attendance.today', 'Today')}
        </Button>
      </Flex>
    );
  if (!day) return <Page.Loading />;
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <DayNavigator date={day.date} today={day.today} onChange={(d) => go({ date: d === day.today ? null : d })} />
      <Box>
        <DaySessionList sessions={day.sessions} onOpen={(id) => go({ session: id })} />
      </Box>
    </Flex>
  );
};
