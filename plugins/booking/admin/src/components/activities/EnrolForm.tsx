import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import type { CreateDeskEnrolment, DeskActivityDetail, DeskSession } from '../../../../shared/contracts/activities';
import { NOTIFY_BY } from '../../../../shared/notify-by';
import { PLUGIN_ID } from '../../pluginId';
import { checkDraft, emptyDraft, formFieldOf, serverFieldMessage, type EnrolmentDraft, type EnrolmentField } from '../../utils/enrolment-form';
import { errorMessage, fieldErrors } from '../../utils/fetch-error';
import { notifyByLabel } from '../../utils/notify-by-label';
import { useT } from '../../utils/use-t';

interface Props {
  activity: DeskActivityDetail['activity'];
  /** Drop-in activities: the session to enrol in. */
  session: DeskSession | null;
  onEnrolled(): Promise<void>;
}

/** Enrols a person who phoned or came to the desk: the public rules, a place if one is free, else the waiting list. */
const EnrolForm = ({ activity, session, onEnrolled }: Props) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [draft, setDraft] = React.useState<EnrolmentDraft>(emptyDraft);
  const [errors, setErrors] = React.useState<Partial<Record<EnrolmentField, string>>>({});
  const [busy, setBusy] = React.useState(false);
  const set = (patch: Partial<EnrolmentDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const problems = checkDraft(draft, activity.maxPeoplePerEnrolment, t);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const body: CreateDeskEnrolment.Request = {
        data: {
          kind: activity.kind,
          activity: activity.id,
          ...(session && activity.enrolmentMode === 'session' ? { session: session.id } : {}),
          name: draft.name.trim(),
          phone: draft.phone.trim(),
          email: draft.email.trim() || null,
          people: Number(draft.people),
          note: draft.note.trim() || null,
          language: draft.language,
          ...(draft.notifyBy ? { notifyBy: draft.notifyBy } : {}),
        },
      };
      const { data } = (await post(`/${PLUGIN_ID}/enrolments`, body)) as { data: CreateDeskEnrolment.Response };
      const made = data.data;
      toggleNotification({
        type: 'success',
        message:
          made.status === 'waitlisted'
            ? t('activities.enrolledWaiting', '{name} is on the waiting list, number {position}.', { name: made.name, position: made.position ?? '' })
            : t('activities.enrolledConfirmed', '{name} is enrolled.', { name: made.name }),
      });
      setDraft(emptyDraft());
      await onEnrolled();
    } catch (error: unknown) {
      const byField = fieldErrors(error);
      const shown: Partial<Record<EnrolmentField, string>> = {};
      for (const [field, err] of Object.entries(byField)) {
        const at = formFieldOf(field);
        shown[at] = shown[at] ?? serverFieldMessage(field, err, t);
      }
      if (Object.keys(shown).length === 0) shown.form = errorMessage(error);
      setErrors(shown);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: 'name' | 'phone' | 'email' | 'people' | 'note', label: string, input: React.ReactNode, opts: { required?: boolean; hint?: string } = {}) => (
    <Field.Root name={name} error={errors[name]} required={opts.required} hint={opts.hint}>
      <Field.Label>{label}</Field.Label>
      {input}
      <Field.Error />
      <Field.Hint />
    </Field.Root>
  );
  const text = (name: keyof EnrolmentDraft, type = 'text', extra: Record<string, unknown> = {}) => (
    <TextInput type={type} value={draft[name]} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ [name]: e.target.value } as Partial<EnrolmentDraft>)} {...extra} />
  );

  return (
    <Box tag="form" noValidate onSubmit={submit} padding={4} background="neutral0" hasRadius shadow="tableShadow" marginTop={2} aria-label={t('activities.enrolTitle', 'Enrol at the desk')}>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {field('name', t('activities.form.name', 'Name of the person taking part'), text('name', 'text', { autoComplete: 'off' }), { required: true })}
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {field('phone', t('activities.form.phone', 'Phone'), text('phone', 'tel', { autoComplete: 'off' }), { required: true })}
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {field('email', t('activities.form.email', 'E-mail (optional)'), text('email', 'email', { autoComplete: 'off' }), { hint: t('activities.form.emailHint', 'With an e-mail, the confirmation and any change are mailed.') })}
        </Grid.Item>
        {activity.maxPeoplePerEnrolment > 1 && (
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {field('people', t('activities.form.people', 'Number of people'), text('people', 'number', { min: 1, max: activity.maxPeoplePerEnrolment }), {
              hint: t('activities.form.peopleHint', 'A child with a guardian, or a family: at most {max}.', { max: activity.maxPeoplePerEnrolment }),
            })}
          </Grid.Item>
        )}
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {field('note', t('activities.form.note', 'Note (optional)'), text('note'), { hint: t('activities.form.noteHint', 'E.g. the child’s name and class, or who collects them.') })}
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name="notifyBy" error={errors.notifyBy} hint={t('activities.form.notifyByHint', 'Not chosen: by e-mail when one is given, else a phone call.')}>
            <Field.Label>{t('activities.form.notifyBy', 'How to tell them')}</Field.Label>
            <SingleSelect value={draft.notifyBy} placeholder={t('activities.form.notifyByUnset', 'Not chosen')} onChange={(v: string | number) => set({ notifyBy: v as EnrolmentDraft['notifyBy'] })}>
              {NOTIFY_BY.map((how) => (
                <SingleSelectOption key={how} value={how}>{notifyByLabel(how, t)}</SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root name="language">
            <Field.Label>{t('activities.form.language', 'Language of the mails')}</Field.Label>
            <SingleSelect value={draft.language} onChange={(v: string | number) => set({ language: v as EnrolmentDraft['language'] })}>
              <SingleSelectOption value="zh-CN">中文</SingleSelectOption>
              <SingleSelectOption value="en">English</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      {(errors.form || errors.session) && (
        <Box marginTop={4} padding={3} background="danger100" hasRadius>
          <Typography textColor="danger700" role="alert">{errors.form ?? errors.session}</Typography>
        </Box>
      )}
      <Flex marginTop={4} gap={2}>
        <Button type="submit" loading={busy}>{t('activities.enrol', 'Enrol')}</Button>
      </Flex>
    </Box>
  );
};

export default EnrolForm;
