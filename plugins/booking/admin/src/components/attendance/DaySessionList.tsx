import { Badge, Flex, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';
import type { ListDaySessions } from '../../../../shared/contracts/session-roster';
import { timeRange } from '../../utils/calendar-day';
import { useT } from '../../utils/use-t';

type DaySession = ListDaySessions.DaySession;

const Item = styled.button`
  display: block;
  width: 100%;
  min-height: 72px;
  text-align: start;
  padding: ${({ theme }) => `${theme.spaces[4]} ${theme.spaces[5]}`};
  background: ${({ theme }) => theme.colors.neutral0};
  border: 1px solid ${({ theme }) => theme.colors.neutral200};
  border-radius: ${({ theme }) => theme.borderRadius};
  box-shadow: ${({ theme }) => theme.shadows.tableShadow};
  cursor: pointer;
  touch-action: manipulation;

  &:hover {
    border-color: ${({ theme }) => theme.colors.primary600};
  }
  &:focus-visible {
    outline: 3px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

const List = styled.ul`
  display: flex;
  flex-direction: column;
  gap: ${({ theme }) => theme.spaces[3]};
`;

/** A day's sessions, each a large tap target opening its roster. */
export const DaySessionList = ({ sessions, onOpen }: { sessions: DaySession[]; onOpen: (id: string) => void }) => {
  const { t } = useT();
  if (sessions.length === 0) return <Typography>{t('attendance.noSessions', 'No sessions on this day.')}</Typography>;
  return (
    <List aria-label={t('attendance.sessions', 'Sessions')}>
      {sessions.map((s) => (
        <li key={s.id}>
          <Item type="button" data-session={s.id} onClick={() => onOpen(s.id)}>
            <Flex tag="span" gap={5} alignItems="center" wrap="wrap">
              <Typography variant="beta" tag="span">
                {timeRange(s.start, s.end)}
              </Typography>
              <Flex tag="span" direction="column" alignItems="flex-start" gap={1} flex="1">
                <Typography variant="delta" tag="span" textDecoration={s.status === 'cancelled' ? 'line-through' : undefined}>
                  {s.activity.title ?? s.activity.slug ?? s.activity.id}
                </Typography>
                <Typography textColor="neutral600" tag="span">
                  {[s.room?.name, t('attendance.enrolledPeople', '{n} enrolled ({people} people)', { n: s.enrolled.enrolments, people: s.enrolled.people })].filter(Boolean).join(' · ')}
                </Typography>
              </Flex>
              {s.status === 'cancelled' ? (
                <Badge backgroundColor="danger100" textColor="danger700">
                  {t('attendance.cancelled', 'Cancelled')}
                </Badge>
              ) : s.attendance.marked ? (
                <Badge backgroundColor="success100" textColor="success700">
                  {t('attendance.markedVisits', 'Marked · {n} person-visits', { n: s.attendance.personVisits })}
                </Badge>
              ) : (
                // The design system's warning text on its warning background is below 4.5:1; dark text keeps it readable.
                <Badge backgroundColor="warning100" textColor="neutral800">
                  {t('attendance.notMarked', 'Not marked')}
                </Badge>
              )}
            </Flex>
          </Item>
        </li>
      ))}
    </List>
  );
};
