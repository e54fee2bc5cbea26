import * as React from 'react';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Dialog, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import type { DeskActivityDetail, DeskSession, SessionClash } from '../../../../shared/contracts/activities';
import { PLUGIN_ID } from '../../pluginId';
import { errorMessage, fieldErrors } from '../../utils/fetch-error';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { clashMessage } from '../../utils/session-clash';
import { useT } from '../../utils/use-t';
import { zonedInstant, zonedParts } from '../../utils/zoned-time';

interface Props {
  session: DeskSession | null;
  detail: DeskActivityDetail;
  onClose(): void;
  onDone(): Promise<void>;
}

type MoveField = 'date' | 'start' | 'end' | 'room' | 'reason' | 'form';

/** Moves one session to another time or room on the centre's clock; a clash is refused and changes nothing. */
const MoveSessionDialog = ({ session, detail, onClose, onDone }: Props) => {
  const { t, locale } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const tz = detail.timezone;
  const [date, setDate] = React.useState('');
  const [start, setStart] = React.useState('');
  const [end, setEnd] = React.useState('');
  const [room, setRoom] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [errors, setErrors] = React.useState<Partial<Record<MoveField, string>>>({});
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (!session) return;
    const from = zonedParts(session.start, tz);
    setDate(from.date);
    setStart(from.time);
    setEnd(zonedParts(session.end, tz).time);
    setRoom(session.room?.slug ?? '');
    setReason('');
    setErrors({});
  }, [session?.id, tz]);

  const submit = async () => {
    if (!session) return;
    const problems: Partial<Record<MoveField, string>> = {};
    const startAt = zonedInstant(date, start, tz);
    const endAt = zonedInstant(date, end, tz);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !startAt) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.date = t('activities.error.date', 'Enter a date.');
      else problems.start = t('activities.error.time', 'Enter a time, like 09:30.');
    } else if (Date.parse(startAt) <= Date.now()) problems.start = t('activities.error.past', 'The new time must be in the future.');
    if (!endAt) problems.end = problems.end ?? t('activities.error.time', 'Enter a time, like 09:30.');
    else if (startAt && Date.parse(endAt) <= Date.parse(startAt)) problems.end = t('activities.error.endBeforeStart', 'The end must be after the start.');
    if (reason.trim().length > 200) problems.reason = t('activities.error.reasonTooLong', 'The reason may have at most {max} characters.', { max: 200 });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const { data } = (await post(`/${PLUGIN_ID}/sessions/${session.id}/move`, {
        data: { start: startAt, end: endAt, ...(room && room !== session.room?.slug ? { room } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) },
      })) as { data: { data: { notified: number } } };
      toggleNotification({ type: 'success', message: t('activities.sessionMoved', 'Session moved; {n} people told by e-mail.', { n: data.data.notified }) });
      onClose();
      await onDone();
    } catch (e: unknown) {
      if (isFetchError(e) && e.status === 409) {
        setErrors({ form: clashMessage(e.response?.data?.error?.details as SessionClash | undefined, t, locale) });
        return;
      }
      const byField = fieldErrors(e);
      const shown: Partial<Record<MoveField, string>> = {};
      if (byField.start) shown.start = t('activities.error.past', 'The new time must be in the future.');
      if (byField.end) shown.end = t('activities.error.endBeforeStart', 'The end must be after the start.');
      if (byField.room) shown.room = t('activities.error.room', 'Choose one of the centre’s rooms.');
      if (byField.session) shown.form = t('activities.error.sessionGone', 'This session is already cancelled or has begun.');
      if (Object.keys(shown).length === 0) shown.form = errorMessage(e);
      setErrors(shown);
    } finally {
      setBusy(false);
    }
  };

  const input = (name: MoveField, label: string, value: string, onChange: (v: string) => void, type: string) => (
    <Field.Root name={name} required error={errors[name]}>
      <Field.Label>{label}</Field.Label>
      <TextInput type={type} value={value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Dialog.Root open={session !== null} onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('activities.moveTitle', 'Move this session')}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Typography tag="p">
              {session ? t('activities.moveNow', 'Now: {when}, {room}', { when: occurrenceLabel(session.start, session.end, locale), room: session.room?.name ?? '—' }) : ''}
            </Typography>
            <Typography tag="p" textColor="neutral600">{t('activities.zoneHint', 'Times on the centre’s clock ({zone}).', { zone: tz })}</Typography>
            {input('date', t('activities.form.date', 'Date'), date, setDate, 'date')}
            <Flex gap={4}>
              <Box flex="1">{input('start', t('activities.form.start', 'Starts at'), start, setStart, 'time')}</Box>
              <Box flex="1">{input('end', t('activities.form.end', 'Ends at'), end, setEnd, 'time')}</Box>
            </Flex>
            <Field.Root name="room" error={errors.room}>
              <Field.Label>{t('activities.form.room', 'Room')}</Field.Label>
              <SingleSelect value={room} onChange={(v: string | number) => setRoom(String(v))}>
                {detail.rooms.map((r) => (
                  <SingleSelectOption key={r.slug} value={r.slug}>{r.name}</SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
            <Field.Root name="reason" error={errors.reason} hint={t('activities.moveReasonHint', 'Optional: everyone enrolled reads it in the e-mail.')}>
              <Field.Label>{t('activities.reason', 'Reason')}</Field.Label>
              <TextInput value={reason} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReason(e.target.value)} />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            {errors.form && (
              <Box padding={3} background="danger100" hasRadius>
                <Typography textColor="danger700" role="alert">{errors.form}</Typography>
              </Box>
            )}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('activities.keepTime', 'Leave it as it is')}</Button>
          </Dialog.Cancel>
          <Button loading={busy} onClick={() => void submit()}>
            {t('activities.confirmMove', 'Move it and tell everyone')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

export default MoveSessionDialog;
