import * as React from 'react';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { Alert, Box, Button, Checkbox, Field, Flex, Grid, Modal, SingleSelect, SingleSelectOption, TextInput, Textarea, Typography } from '@strapi/design-system';
import type { GetBoard } from '../../../../shared/contracts/board';
import { ConsentConfirm } from '../privacy/ConsentConfirm';
import { PLUGIN_ID } from '../../pluginId';
import { clockOf, endChoices, startChoices, type Stretch } from '../../utils/board-layout';
import { bookingFieldMessage, WAIVABLE } from '../../utils/booking-errors';
import { errorMessage, fieldErrors } from '../../utils/fetch-error';
import { occurrenceLabel } from '../../utils/occurrence-label';
import type { Translate } from '../../utils/use-t';
import type { BookingStart } from './DayGrid';

interface Props {
  /** Where the form opens (room, day, start), or null when it is closed. */
  initial: BookingStart | null;
  choices: GetBoard.Response['data']['choices'];
  locale: string;
  t: Translate;
  onClose(): void;
  /** A booking was made: the board reloads. */
  onBooked(): void;
}

interface Draft {
  room: string;
  date: string;
  start: string;
  end: string;
  repeat: boolean;
  until: string;
  purpose: string;
  organization: string;
  contactName: string;
  phone: string;
  email: string;
  attendees: string;
  language: 'zh-CN' | 'en';
  overrideReason: string;
  /** Staff confirm the caller heard the privacy notice and agreed. */
  consent: boolean;
}

interface Booked {
  reference: string;
  status: string;
  occurrences: Array<{ start: string; end: string }>;
  skipped: Array<{ start: string; end: string }>;
  email: string;
}

const EMPTY: Omit<Draft, 'room' | 'date'> = { start: '', end: '', repeat: false, until: '', purpose: '', organization: '', contactName: '', phone: '', email: '', attendees: '1', language: 'zh-CN', overrideReason: '', consent: false };

/** A booking taken at the desk for someone who phoned or walked in: times from the room's live free time, the public's rules, a written reason to waive notice, horizon or weekly limit. */
export const BookingForm = ({ initial, choices, locale, t, onClose, onBooked }: Props) => {
  const { get, post } = useFetchClient();
  const [draft, setDraft] = React.useState<Draft>({ ...EMPTY, room: '', date: '' });
  const [free, setFree] = React.useState<{ stretches: Stretch[]; slot: number; tz: string } | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [waivable, setWaivable] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [booked, setBooked] = React.useState<Booked | null>(null);
  const wanted = React.useRef<string | undefined>(undefined);

  React.useEffect(() => {
    if (!initial) return;
    wanted.current = initial.start;
    setDraft({ ...EMPTY, room: initial.room, date: initial.date });
    setErrors({});
    setFormError(null);
    setWaivable(false);
    setBooked(null);
  }, [initial]);

  // The room's free time that day, from the board's answer for just that room and day.
  React.useEffect(() => {
    if (!initial || !draft.room || !/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) {
      setFree(null);
      return;
    }
    let current = true;
    void (async () => {
      try {
        const { data } = (await get(`/${PLUGIN_ID}/board`, { params: { from: draft.date, to: draft.date, room: draft.room } })) as { data: GetBoard.Response };
        if (!current) return;
        const room = data.data.rooms[0];
        const stretches = data.data.free.filter((f) => f.roomId === room?.id);
        const slot = room?.slotMinutes ?? 30;
        setFree({ stretches, slot, tz: data.data.timezone });
        const starts = startChoices(stretches, slot, data.data.timezone);
        const start = wanted.current && starts.includes(wanted.current) ? wanted.current : (starts[0] ?? '');
        wanted.current = undefined;
        const ends = start ? endChoices(stretches, start, slot, data.data.timezone) : [];
        setDraft((d) => ({ ...d, start, end: ends[Math.min(ends.length - 1, Math.max(0, Math.round(60 / slot) - 1))] ?? '' }));
      } catch {
        if (current) setFree({ stretches: [], slot: 30, tz: 'UTC' });
      }
    })();
    return () => {
      current = false;
    };
  }, [get, initial, draft.room, draft.date]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const starts = free ? startChoices(free.stretches, free.slot, free.tz) : [];
  const ends = free && draft.start ? endChoices(free.stretches, draft.start, free.slot, free.tz) : [];

  /** What the form can tell before asking the server, in the reader's language. */
  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    const need = (field: string, ok: boolean) => {
      if (!ok) found[field] = bookingFieldMessage(field, { message: '' }, t);
    };
    need('room', draft.room !== '');
    need('start', draft.start !== '');
    need('end', draft.end !== '');
    need('purpose', draft.purpose.trim() !== '' && draft.purpose.trim().length <= 200);
    need('contactName', draft.contactName.trim() !== '' && draft.contactName.trim().length <= 80);
    need('organization', draft.organization.trim().length <= 120);
    if (!draft.phone.trim() && !draft.email.trim()) found.phone = t('board.invalid.contact', 'Give a phone number or an e-mail address so the centre can reach them.');
    else need('phone', draft.phone.trim() === '' || /^[+\d][\d\s-]{5,20}$/.test(draft.phone.trim()));
    need('email', draft.email.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim()));
    need('attendees', /^\d+$/.test(draft.attendees.trim()) && Number(draft.attendees) >= 1);
    if (draft.repeat) need('repeat.until', /^\d{4}-\d{2}-\d{2}$/.test(draft.until) && draft.until >= draft.date);
    need('overrideReason', draft.overrideReason.trim().length <= 500);
    if (!draft.consent) found.consentConfirmed = t('privacy.error.consent', 'Read them the privacy notice and tick the box once they agree.');
    return found;
  };

  const submit = async () => {
    const local = check();
    setErrors(local);
    setFormError(null);
    setWaivable(false);
    if (Object.keys(local).length > 0) {
      setFormError(t('board.error.fix', 'Some fields need correcting: see below.'));
      return;
    }
    setBusy(true);
    try {
      const body = {
        data: {
          room: draft.room,
          start: draft.start,
          end: draft.end,
          purpose: draft.purpose.trim(),
          organization: draft.organization.trim() || null,
          contactName: draft.contactName.trim(),
          phone: draft.phone.trim() || null,
          email: draft.email.trim() || null,
          attendees: Number(draft.attendees),
          language: draft.language,
          repeat: draft.repeat ? { frequency: 'weekly', until: draft.until } : null,
          overrideReason: draft.overrideReason.trim() || null,
          consentConfirmed: true,
        },
      };
      const { data } = (await post(`/${PLUGIN_ID}/reservations`, body)) as { data: { data: Omit<Booked, 'email'> } };
      setBooked({ ...data.data, email: draft.email.trim() });
      onBooked();
    } catch (error) {
      if (isFetchError(error) && error.status === 409) {
        setFormError(t('board.error.taken', 'The room is already taken at that time. Choose another time.'));
      } else if (isFetchError(error) && error.status === 400) {
        const byField = fieldErrors(error);
        setErrors(Object.fromEntries(Object.entries(byField).map(([field, e]) => [field, bookingFieldMessage(field, e, t)])));
        const codes = Object.values(byField).map((e) => e.code);
        setWaivable(codes.some((c) => c && WAIVABLE.has(c)));
        setFormError(t('board.error.fix', 'Some fields need correcting: see below.'));
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Draft | 'repeat.until', label: string, input: React.ReactNode, options: { required?: boolean; hint?: string } = {}) => (
    <Field.Root name={name} error={errors[name]} required={options.required} hint={options.hint}>
      <Field.Label>{label}</Field.Label>
      {input}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
  const text = (name: 'purpose' | 'organization' | 'contactName' | 'phone' | 'email' | 'attendees', type = 'text') => (
    <TextInput type={type} value={draft[name]} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(name, e.target.value)} />
  );

  return (
    <Modal.Root open={initial !== null} onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={t('board.close', 'Close')}>
          <Modal.Title>{booked ? t('board.result.title', 'Booked') : t('board.book.title', 'New booking for a caller')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {booked ? (
            <Flex direction="column" alignItems="stretch" gap={4} data-booking-result>
              <Typography>{t('board.result.reference', 'Reference to read out:')}</Typography>
              <Box padding={4} background="primary100" hasRadius textAlign="center">
                <Typography tag="p" fontWeight="bold" textColor="primary700" style={{ fontSize: '3rem', letterSpacing: '0.1em', lineHeight: 1.2 }} data-booking-reference>
                  {booked.reference}
                </Typography>
              </Box>
              <Typography>{booked.status === 'confirmed' ? t('board.result.confirmed', 'Confirmed.') : t('board.result.pending', 'Waiting for approval.')}</Typography>
              {booked.occurrences.map((o) => (
                <Typography key={o.start}>{occurrenceLabel(o.start, o.end, locale)}</Typography>
              ))}
              {booked.skipped.length > 0 && (
                <Typography textColor="danger600">
                  {t('board.result.skipped', 'Not booked (already taken): {dates}', { dates: booked.skipped.map((o) => occurrenceLabel(o.start, o.end, locale)).join('; ') })}
                </Typography>
              )}
              <Typography data-booking-mail={booked.email ? 'sent' : 'none'}>
                {booked.email
                  ? t('board.result.mailed', 'A confirmation e-mail is on its way to {email}.', { email: booked.email })
                  : t('board.result.noMail', 'No e-mail address was given, so no e-mail is sent: read the reference out to the caller.')}
              </Typography>
            </Flex>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4} tag="form" noValidate onSubmit={(e: React.FormEvent) => { e.preventDefault(); void submit(); }} id="board-booking-form">
              {formError && (
                <Alert variant="danger" closeLabel={t('board.close', 'Close')} onClose={() => setFormError(null)} title={t('board.error.title', 'Not booked')}>
                  {formError}
                </Alert>
              )}
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('room', t('board.room', 'Room'), (
                    <SingleSelect value={draft.room} onChange={(v: string | number) => setDraft((d) => ({ ...d, room: String(v), start: '', end: '' }))}>
                      {choices.map((c) => (
                        <SingleSelectOption key={c.slug} value={c.slug}>{c.name}</SingleSelectOption>
                      ))}
                    </SingleSelect>
                  ), { required: true })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('date', t('board.book.date', 'Date'), <TextInput type="date" value={draft.date} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, date: e.target.value, start: '', end: '' }))} />, { required: true })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('start', t('board.book.start', 'Starts at'), (
                    <SingleSelect
                      value={draft.start}
                      placeholder={free && starts.length === 0 ? t('board.book.noFree', 'No free time that day') : undefined}
                      onChange={(v: string | number) => {
                        const start = String(v);
                        const next = free ? endChoices(free.stretches, start, free.slot, free.tz) : [];
                        setDraft((d) => ({ ...d, start, end: next.includes(d.end) ? d.end : (next[Math.min(next.length - 1, 1)] ?? '') }));
                      }}
                    >
                      {starts.map((s) => (
                        <SingleSelectOption key={s} value={s}>{clockOf(s, free!.tz)}</SingleSelectOption>
                      ))}
                    </SingleSelect>
                  ), { required: true, hint: t('board.book.startHint', 'Only the room’s free times are offered.') })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('end', t('board.book.end', 'Ends at'), (
                    <SingleSelect value={draft.end} onChange={(v: string | number) => set('end', String(v))}>
                      {ends.map((s) => (
                        <SingleSelectOption key={s} value={s}>{clockOf(s, free!.tz)}</SingleSelectOption>
                      ))}
                    </SingleSelect>
                  ), { required: true })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Checkbox checked={draft.repeat} onCheckedChange={(checked: boolean | 'indeterminate') => set('repeat', checked === true)}>
                    {t('board.book.repeat', 'Every week at the same time')}
                  </Checkbox>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {draft.repeat && field('repeat.until', t('board.book.until', 'Last date'), <TextInput type="date" value={draft.until} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('until', e.target.value)} />, { required: true })}
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  {field('purpose', t('board.book.purpose', 'What for'), text('purpose'), { required: true })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('organization', t('board.book.organization', 'Group or organisation'), text('organization'))}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('attendees', t('board.book.attendees', 'Number of people'), text('attendees', 'number'), { required: true })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('contactName', t('board.book.contactName', 'Contact name'), text('contactName'), { required: true })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('phone', t('board.book.phone', 'Phone'), text('phone', 'tel'), { required: true })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('email', t('board.book.email', 'E-mail (optional)'), text('email', 'email'), { hint: t('board.book.emailHint', 'With an e-mail address, the confirmation is mailed.') })}
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  {field('language', t('board.book.language', 'Language of the e-mail'), (
                    <SingleSelect value={draft.language} onChange={(v: string | number) => set('language', v === 'en' ? 'en' : 'zh-CN')}>
                      <SingleSelectOption value="zh-CN">中文</SingleSelectOption>
                      <SingleSelectOption value="en">English</SingleSelectOption>
                    </SingleSelect>
                  ))}
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  {field('overrideReason', t('board.book.overrideReason', 'Reason to waive a rule'), (
                    <Textarea value={draft.overrideReason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set('overrideReason', e.target.value)} />
                  ), {
                    hint: waivable
                      ? t('board.book.overrideNeeded', 'This booking breaks minimum notice, the booking horizon or the weekly limit: write why it should be taken anyway, then book again.')
                      : t('board.book.overrideHint', 'Only to waive minimum notice, the booking horizon or the weekly limit; it is kept with the booking. Other rules still apply.'),
                  })}
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <ConsentConfirm language={draft.language} checked={draft.consent} onChange={(consent) => set('consent', consent)} error={errors.consentConfirmed} />
                </Grid.Item>
              </Grid.Root>
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{booked ? t('board.close', 'Close') : t('board.cancel', 'Cancel')}</Button>
          </Modal.Close>
          {!booked && (
            <Button type="submit" form="board-booking-form" loading={busy}>
              {t('board.book.submit', 'Book')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
