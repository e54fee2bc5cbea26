import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Checkbox, Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import type { CreateDeskEnrolment, DeskActivityDetail, DeskSession } from '../../../../shared/contracts/activities';
import { NOTIFY_BY } from '../../../../shared/notify-by';
import { MAX_COLLECTORS, SCHOOL_GRADES, schoolGradeLabel } from '../../../../shared/school-grade';
import { ConsentConfirm } from '../privacy/ConsentConfirm';
import { PLUGIN_ID } from '../../pluginId';
import { checkDraft, collectorsOf, emptyDraft, formFieldOf, serverFieldMessage, type EnrolmentDraft, type EnrolmentField } from '../../utils/enrolment-form';
import { errorMessage, fieldErrors } from '../../utils/fetch-error';
import { notifyByLabel } from '../../utils/notify-by-label';
import { useT } from '../../utils/use-t';

interface Props {
  activity: DeskActivityDetail['activity'];
  /** Drop-in activities: the session to enrol in. */
  session: DeskSession | null;
  onEnrolled(): Promise<void>;
}

/** The draft's fields typed into a text box. */
type TextField = 'name' | 'phone' | 'email' | 'people' | 'note' | 'childName';

/** Enrols a person who phoned or came to the desk: the public rules, a place if one is free, else the waiting list. */
const EnrolForm = ({ activity, session, onEnrolled }: Props) => {
  const { t, locale } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [draft, setDraft] = React.useState<EnrolmentDraft>(emptyDraft);
  const [errors, setErrors] = React.useState<Partial<Record<EnrolmentField, string>>>({});
  const [busy, setBusy] = React.useState(false);
  const set = (patch: Partial<EnrolmentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setCollector = (i: number, patch: Partial<EnrolmentDraft['collectors'][number]>) =>
    setDraft((d) => ({ ...d, collectors: d.collectors.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const children = activity.forChildren;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const problems = checkDraft(draft, activity.maxPeoplePerEnrolment, t, activity.forChildren);
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
          consentConfirmed: true,
          ...(activity.forChildren
            ? { guardianConsent: draft.guardianConsent, childName: draft.childName.trim(), childGrade: draft.childGrade, collectors: collectorsOf(draft) }
            : {}),
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
  const text = (name: TextField, type = 'text', extra: Record<string, unknown> = {}) => (
    <TextInput type={type} value={draft[name]} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ [name]: e.target.value } as Partial<EnrolmentDraft>)} {...extra} />
  );

  return (
    <Box tag="form" noValidate onSubmit={submit} padding={4} background="neutral0" hasRadius shadow="tableShadow" marginTop={2} aria-label={t('activities.enrolTitle', 'Enrol at the desk')}>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {field('name', children ? t('privacy.guardianName', 'Guardian’s name') : t('activities.form.name', 'Name of the person taking part'), text('name', 'text', { autoComplete: 'off' }), { required: true })}
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {field('phone', children ? t('privacy.guardianPhone', 'Guardian’s phone') : t('activities.form.phone', 'Phone'), text('phone', 'tel', { autoComplete: 'off' }), { required: true })}
        </Grid.Item>
        {children && (
          <>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name="childName" error={errors.childName} required hint={t('privacy.childNameHint', 'Given name only (no family name): the centre keeps no more of a child.')}>
                <Field.Label>{t('privacy.childName', 'Child’s given name')}</Field.Label>
                {text('childName', 'text', { autoComplete: 'off', maxLength: 20 })}
                <Field.Error />
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name="childGrade" error={errors.childGrade} required>
                <Field.Label>{t('privacy.childGrade', 'School grade')}</Field.Label>
                <SingleSelect value={draft.childGrade} placeholder={t('privacy.chooseGrade', 'Choose')} onChange={(v: string | number) => set({ childGrade: String(v) })}>
                  {SCHOOL_GRADES.map((g) => (
                    <SingleSelectOption key={g} value={g}>{schoolGradeLabel(g, locale.startsWith('zh') ? 'zh-CN' : 'en')}</SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            {Array.from({ length: MAX_COLLECTORS }, (_, i) => (
              <React.Fragment key={`collector-${i}`}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name={`collector-${i}-name`} error={i === 0 ? errors.collectors : undefined}>
                    <Field.Label>{t('privacy.collectorName', 'May collect the child ({n}): name', { n: i + 1 })}</Field.Label>
                    <TextInput value={draft.collectors[i].name} autoComplete="off" onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCollector(i, { name: e.target.value })} />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name={`collector-${i}-phone`}>
                    <Field.Label>{t('privacy.collectorPhone', 'May collect the child ({n}): phone', { n: i + 1 })}</Field.Label>
                    <TextInput type="tel" value={draft.collectors[i].phone} autoComplete="off" onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCollector(i, { phone: e.target.value })} />
                  </Field.Root>
                </Grid.Item>
              </React.Fragment>
            ))}
          </>
        )}
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
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <ConsentConfirm language={draft.language} checked={draft.consent} onChange={(consent) => set({ consent })} error={errors.consentConfirmed} />
          {children && (
            <Field.Root name="guardianConsent" error={errors.guardianConsent} required>
              <Box paddingTop={2}>
                <Checkbox checked={draft.guardianConsent} onCheckedChange={(value: boolean | 'indeterminate') => set({ guardianConsent: value === true })}>
                  {t('privacy.guardianConfirm', 'The caller is the child’s parent or guardian and agreed for the child')}
                </Checkbox>
              </Box>
              <Field.Error />
            </Field.Root>
          )}
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
