import { Badge, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import type { DeskSession } from '../../../../shared/contracts/activities';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { useT } from '../../utils/use-t';

interface Props {
  sessions: DeskSession[];
  /** The session a link pointed at, marked in the table. */
  highlighted: string | null;
  /** Drop-in activities: the session whose people are shown (undefined for a term). */
  chosen?: string | null;
  onChoose(s: DeskSession): void;
  onCancel(s: DeskSession): void;
  onMove(s: DeskSession): void;
}

/** An activity's sessions from today on: when, where, places taken and left, and what staff may do to each. */
const SessionsTable = ({ sessions, highlighted, chosen, onChoose, onCancel, onMove }: Props) => {
  const { t, locale } = useT();
  if (sessions.length === 0) return <Typography>{t('activities.noSessions', 'No sessions from today on.')}</Typography>;
  const now = Date.now();
  return (
    <Table colCount={5} rowCount={sessions.length + 1}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('activities.when', 'When')}</Typography></Th>
          <Th><Typography variant="sigma">{t('activities.room', 'Room')}</Typography></Th>
          <Th><Typography variant="sigma">{t('activities.status', 'Status')}</Typography></Th>
          <Th><Typography variant="sigma">{t('activities.places', 'Places')}</Typography></Th>
          <Th><VisuallyHidden>{t('activities.actions', 'Actions')}</VisuallyHidden></Th>
        </Tr>
      </Thead>
      <Tbody>
        {sessions.map((s) => {
          const when = occurrenceLabel(s.start, s.end, locale);
          const open = s.status === 'scheduled' && Date.parse(s.start) > now;
          return (
            <Tr key={s.id} data-session={s.id} aria-current={s.id === highlighted ? 'true' : undefined} style={s.id === highlighted ? { outline: '2px solid #4945ff' } : undefined}>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography textDecoration={s.status === 'cancelled' ? 'line-through' : undefined}>{when}</Typography>
                  {s.scheduled && <Typography textColor="neutral600">{t('activities.movedFrom', 'Moved from {when}', { when: occurrenceLabel(s.scheduled.start, s.scheduled.end, locale) })}</Typography>}
                </Flex>
              </Td>
              <Td><Typography>{s.room?.name ?? '—'}</Typography></Td>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  {s.status === 'cancelled' ? (
                    <Badge backgroundColor="danger100" textColor="danger700">{t('activities.cancelled', 'Cancelled')}</Badge>
                  ) : (
                    <Badge backgroundColor="success100" textColor="success700">{t('activities.scheduled', 'Scheduled')}</Badge>
                  )}
                  {s.note && <Typography textColor="neutral600">{s.note}</Typography>}
                </Flex>
              </Td>
              <Td>
                <Typography data-places>
                  {t('activities.placesTakenLeft', '{taken} taken · {left} left', { taken: s.placesTaken, left: s.placesLeft })}
                  {s.waiting ? ` · ${t('activities.waitingCount', '{n} waiting', { n: s.waiting })}` : ''}
                </Typography>
              </Td>
              <Td>
                <Flex gap={2} justifyContent="flex-end">
                  {chosen !== undefined && s.status === 'scheduled' && (
                    <Button variant={s.id === chosen ? 'secondary' : 'tertiary'} aria-pressed={s.id === chosen} onClick={() => onChoose(s)}>
                      {t('activities.showPeople', 'People')}
                      <VisuallyHidden>{` ${when}`}</VisuallyHidden>
                    </Button>
                  )}
                  {open && (
                    <>
                      <Button variant="secondary" onClick={() => onMove(s)}>
                        {t('activities.move', 'Move')}
                        <VisuallyHidden>{` ${when}`}</VisuallyHidden>
                      </Button>
                      <Button variant="danger-light" onClick={() => onCancel(s)}>
                        {t('activities.cancelSession', 'Cancel session')}
                        <VisuallyHidden>{` ${when}`}</VisuallyHidden>
                      </Button>
                    </>
                  )}
                </Flex>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};

export default SessionsTable;
