import * as React from 'react';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, LinkButton, Typography } from '@strapi/design-system';
import { ArrowLeft, Check, File, Pencil } from '@strapi/icons';
import { useHref } from 'react-router-dom';
import { styled } from 'styled-components';
import type { Roster } from '../../../../shared/contracts/session-roster';
import { PLUGIN_ID } from '../../pluginId';
import { attendanceRequest, draftFromRoster, personVisits, type AttendanceDraft, type Mark } from '../../utils/attendance-marks';
import { errorMessage, fieldErrors } from '../../utils/fetch-error';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { useT } from '../../utils/use-t';
import { PersonRow } from './PersonRow';
import { Stepper } from './Stepper';
import { TouchButton } from './TouchButton';

/** The schema's bounds (server/src/schemas/sessions.ts attendanceSchema). */
const MAX_WALK_INS = 100_000;

const List = styled.ul`
  display: flex;
  flex-direction: column;
  gap: ${({ theme }) => theme.spaces[3]};
`;

/** The total and the save button stay in reach at the bottom of a tablet's screen. */
const Footer = styled.div`
  position: sticky;
  bottom: 0;
  z-index: 1;
  margin-top: ${({ theme }) => theme.spaces[4]};
  padding: ${({ theme }) => theme.spaces[4]};
  background: ${({ theme }) => theme.colors.neutral0};
  border-top: 2px solid ${({ theme }) => theme.colors.neutral200};
  box-shadow: ${({ theme }) => theme.shadows.tableShadow};
`;

interface RosterMarkerProps {
  sessionId: string;
  /** The centre's today (from the server): a session still to come cannot be marked yet. */
  today: string | null;
  /** Back to the list of the session's day (known once the roster is loaded). */
  onBack: (day: string | null) => void;
  onSaved: () => void;
}

type Errors = { walkIns?: string; people?: Record<string, string>; form?: string };

/** A session's roster on a tablet: tap present or absent for each person, count walk-ins, see the 人次, save. */
export const RosterMarker = ({ sessionId, today, onBack, onSaved }: RosterMarkerProps) => {
  const { t, locale } = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [roster, setRoster] = React.useState<Roster | null>(null);
  const [failed, setFailed] = React.useState<'missing' | 'error' | null>(null);
  const [draft, setDraft] = React.useState<AttendanceDraft>({ marks: {}, walkIns: 0 });
  const [walkInsText, setWalkInsText] = React.useState('0');
  const [paper, setPaper] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [errors, setErrors] = React.useState<Errors>({});
  const sheetHref = useHref(`sheet/${sessionId}`);

  const show = (r: Roster) => {
    setRoster(r);
    const saved = draftFromRoster(r);
    setDraft(saved);
    setWalkInsText(String(saved.walkIns));
  };

  React.useEffect(() => {
    let live = true;
    setRoster(null);
    setFailed(null);
    setErrors({});
    get<{ data: Roster }>(`/${PLUGIN_ID}/sessions/${sessionId}/enrolments`)
      .then(({ data }) => live && show(data.data))
      .catch((e: unknown) => live && setFailed((e as { status?: number; response?: { status?: number } })?.response?.status === 404 ? 'missing' : 'error'));
    return () => {
      live = false;
    };
  }, [get, sessionId]);

  const back = (
    <Button variant="tertiary" size="L" startIcon={<ArrowLeft />} onClick={() => onBack(roster?.session.start.slice(0, 10) ?? null)}>
      {t('attendance.back', "Back to the day's sessions")}
    </Button>
  );
  if (failed)
    return (
      <Flex direction="column" alignItems="flex-start" gap={4}>
        {back}
        <Typography role="alert">{failed === 'missing' ? t('attendance.missing', 'There is no such session (it may have been removed).') : t('attendance.loadFailed', 'The roster could not be loaded. Try again.')}</Typography>
      </Flex>
    );
  if (!roster) return <Page.Loading />;

  const { session, activity } = roster;
  const sessionDate = session.start.slice(0, 10);
  const notYet = today !== null && sessionDate > today;
  const cancelled = session.status === 'cancelled';
  const locked = notYet || cancelled || saving;
  const walkInsValid = /^\d+$/.test(walkInsText.trim()) && Number(walkInsText.trim()) <= MAX_WALK_INS;
  const walkIns = walkInsValid ? Number(walkInsText.trim()) : 0;
  const current = { ...draft, walkIns };
  const total = personVisits(current);
  const presentPeople = total - walkIns;
  const unmarked = roster.confirmed.filter((p) => !draft.marks[p.enrolment]).length;

  const mark = (enrolment: string, m: Mark) => setDraft((d) => ({ ...d, marks: { ...d.marks, [enrolment]: m } }));
  const allPresent = () => setDraft((d) => ({ ...d, marks: Object.fromEntries(roster.confirmed.map((p) => [p.enrolment, d.marks[p.enrolment]?.state === 'present' ? d.marks[p.enrolment] : { state: 'present' as const, people: p.people }])) }));
  const walkInsError = t('attendance.error.walkIns', 'Walk-ins must be a whole number from 0 to {max}.', { max: MAX_WALK_INS });

  const save = async () => {
    if (!walkInsValid) {
      setErrors({ walkIns: walkInsError });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const { data } = (await post(`/${PLUGIN_ID}/sessions/${sessionId}/attendance`, attendanceRequest(roster, current))) as { data: { data: Roster } };
      show(data.data);
      toggleNotification({ type: 'success', message: t('attendance.saved', 'Attendance saved: {n} person-visits.', { n: data.data.attendance.personVisits }) });
      onSaved();
    } catch (e: unknown) {
      // The server's reasons, in the reader's language: the fields it named, else the session's state.
      const byField = fieldErrors(e);
      const next: Errors = { people: {} };
      for (const [field, { message }] of Object.entries(byField)) {
        const person = /^present\.(\d+)\.(people|enrolment)$/.exec(field);
        if (field === 'walkIns') next.walkIns = walkInsError;
        else if (person?.[2] === 'people') {
          const enrolment = attendanceRequest(roster, current).data.present[Number(person[1])]?.enrolment;
          if (enrolment) next.people![enrolment] = t('attendance.error.people', 'People who came must be a whole number from 1 to 1000.');
        } else if (person?.[2] === 'enrolment') next.form = t('attendance.error.notOnRoster', 'Someone marked is no longer on the roster. Reload the page and mark again.');
        else if (field === 'session') next.form = /cancelled/.test(message) ? t('attendance.error.cancelled', 'This session was cancelled: there is no attendance to record.') : t('attendance.error.notYet', 'This session has not taken place yet: mark attendance on the day or after.');
      }
      if (Object.keys(byField).length === 0) next.form = t('attendance.error.save', 'Attendance was not saved: {reason}', { reason: errorMessage(e) });
      setErrors(next);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Box>{back}</Box>
      <Box padding={6} background="neutral0" shadow="tableShadow" hasRadius>
        <Flex direction="column" alignItems="flex-start" gap={2}>
          <Typography variant="alpha" tag="h2">
            {activity.title ?? activity.slug ?? activity.id}
          </Typography>
          <Typography variant="epsilon">
            {[occurrenceLabel(session.start, session.end, locale), session.room?.name].filter(Boolean).join(' · ')}
          </Typography>
          <Flex gap={2} wrap="wrap">
            <Badge>{t('attendance.enrolledCount', '{n} enrolled', { n: roster.totals.confirmed })}</Badge>
            {roster.totals.waiting > 0 && <Badge>{t('attendance.waitingCount', '{n} on the waiting list (not on the sheet)', { n: roster.totals.waiting })}</Badge>}
            {cancelled && (
              <Badge backgroundColor="danger100" textColor="danger700">
                {t('attendance.cancelled', 'Cancelled')}
              </Badge>
            )}
            {roster.attendance.marked && (
              <Badge backgroundColor="success100" textColor="success700">
                {t('attendance.markedVisits', 'Marked · {n} person-visits', { n: roster.attendance.personVisits })}
              </Badge>
            )}
          </Flex>
          <Flex gap={2} wrap="wrap" paddingTop={2}>
            <LinkButton size="L" variant="secondary" startIcon={<File />} href={sheetHref} target="_blank" rel="noopener">
              {t('attendance.printSheet', 'Print the sign-in sheet')}
            </LinkButton>
            <Button size="L" variant={paper ? 'default' : 'secondary'} startIcon={<Pencil />} aria-pressed={paper} onClick={() => setPaper(!paper)}>
              {t('attendance.paperMode', 'Enter from the paper sheet')}
            </Button>
            <Button size="L" variant="secondary" startIcon={<Check />} disabled={locked || roster.confirmed.length === 0} onClick={allPresent}>
              {t('attendance.allPresent', 'Everyone present')}
            </Button>
          </Flex>
        </Flex>
      </Box>

      {notYet && <Typography role="status">{t('attendance.notYet', 'This session is on {date}: attendance can be marked on the day or after.', { date: sessionDate })}</Typography>}
      {cancelled && <Typography role="status">{t('attendance.cancelledHint', 'This session was cancelled{note}.', { note: session.note ? `: ${session.note}` : '' })}</Typography>}
      {paper && (
        <Box padding={4} background="primary100" hasRadius>
          <Typography>{t('attendance.paperHint', 'Go down the paper sheet line by line: tap Signed for each numbered line with a signature, Not signed for the others, then count the walk-in lines below.')}</Typography>
        </Box>
      )}

      {roster.confirmed.length === 0 ? (
        <Typography>{t('attendance.nobodyEnrolled', 'Nobody is enrolled: count the walk-ins.')}</Typography>
      ) : (
        <List aria-label={t('attendance.rosterLabel', 'Roster')}>
          {roster.confirmed.map((p, i) => (
            <PersonRow key={p.enrolment} person={p} number={i + 1} mark={draft.marks[p.enrolment]} onMark={(m) => mark(p.enrolment, m)} paper={paper} disabled={locked} peopleError={errors.people?.[p.enrolment]} />
          ))}
        </List>
      )}

      <Box padding={4} background="neutral0" hasRadius>
        <Stepper
          name="walkIns"
          label={paper ? t('attendance.walkInsPaper', 'Walk-ins written on the sheet (散客)') : t('attendance.walkIns', 'Walk-ins (散客)')}
          hint={t('attendance.walkInsHint', 'People who came without enrolling.')}
          value={walkInsText}
          onChange={(v) => {
            setWalkInsText(v);
            if (errors.walkIns) setErrors({ ...errors, walkIns: undefined });
          }}
          min={0}
          max={MAX_WALK_INS}
          decreaseLabel={t('attendance.fewerWalkIns', 'One walk-in fewer')}
          increaseLabel={t('attendance.moreWalkIns', 'One walk-in more')}
          error={errors.walkIns}
          disabled={locked}
        />
      </Box>

      <Footer>
        <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" aria-live="polite" data-person-visits={total}>
            <Typography variant="alpha" tag="p">
              {t('attendance.total', 'Person-visits (人次): {n}', { n: total })}
            </Typography>
            <Typography textColor="neutral600">
              {t('attendance.breakdown', '{present} present + {walkIns} walk-ins · {unmarked} not marked', { present: presentPeople, walkIns, unmarked })}
            </Typography>
          </Flex>
          <TouchButton type="button" $tone="primary" $pressed $wide disabled={locked} onClick={() => void save()}>
            {saving ? t('attendance.saving', 'Saving…') : t('attendance.save', 'Save attendance')}
          </TouchButton>
        </Flex>
        {errors.form && (
          <Box paddingTop={2}>
            <Typography textColor="danger600" role="alert">
              {errors.form}
            </Typography>
          </Box>
        )}
      </Footer>
    </Flex>
  );
};
