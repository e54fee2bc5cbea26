import * as React from 'react';
import { useIntl } from 'react-intl';
import { useField } from '@strapi/strapi/admin';
import { Box, Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import type { ScheduleDraft as ScheduleValue, Weekday } from '../../../shared/contracts/schedule';
import { PLUGIN_ID } from '../pluginId';

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKDAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** Only the fields the chosen frequency uses, so switching back and forth leaves nothing stale. */
const cleaned = (v: ScheduleValue): ScheduleValue => {
  const out: ScheduleValue = { frequency: v.frequency, startDate: v.startDate, endDate: v.endDate, startTime: v.startTime, durationMinutes: v.durationMinutes };
  if (v.frequency === 'weekly') Object.assign(out, { weekdays: v.weekdays ?? [], ...(v.interval && v.interval !== 1 ? { interval: v.interval } : {}) });
  if (v.frequency === 'monthly') Object.assign(out, v.byWeekday ? { byWeekday: v.byWeekday, nth: v.nth ?? 1 } : { byMonthDay: v.byMonthDay ?? 1 });
  if (v.exceptions?.length) out.exceptions = v.exceptions;
  if (v.extraDates?.length) out.extraDates = v.extraDates;
  return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined && x !== '')) as ScheduleValue;
};

/** Dates typed one a line (or separated by commas or spaces). */
const datesOf = (text: string) => text.split(/[\s,，、]+/).map((d) => d.trim()).filter(Boolean);

interface Props {
  name: string;
  label?: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
}

/**
 * When a course or event meets, as a form instead of JSON: how often, which days, from when to
 * when, what time and how long, and the dates it skips or adds.
 */
const ScheduleInput = React.forwardRef<HTMLDivElement, Props>(({ name, label, hint, required, disabled }, ref) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: `${PLUGIN_ID}.schedule.${id}`, defaultMessage });
  const field = useField(name) as { value?: ScheduleValue | null; error?: string; onChange: (path: string, value: unknown) => void };
  const value: ScheduleValue = field.value && typeof field.value === 'object' ? field.value : {};
  const set = (patch: Partial<ScheduleValue>) => field.onChange(name, cleaned({ ...value, ...patch }));
  // The exception lists are edited as text and only parsed into dates when the field is left.
  const [exceptionsText, setExceptionsText] = React.useState((value.exceptions ?? []).join('\n'));
  const [extraText, setExtraText] = React.useState((value.extraDates ?? []).join('\n'));
  const frequency = value.frequency ?? 'weekly';
  const monthlyBy = value.byWeekday ? 'weekday' : 'day';
  const weekdayName = (d: Weekday) => t(`weekday.${d}`, WEEKDAY_NAMES[d]);
  const id = (part: string) => `${name}-${part}`;

  return (
    <Field.Root name={name} error={field.error} hint={hint} required={required} ref={ref}>
      <Field.Label>{label ?? t('label', 'Schedule')}</Field.Label>
      <Box padding={4} hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px" data-schedule-editor>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} wrap="wrap" alignItems="flex-start">
            <Box minWidth="14rem">
              <Field.Root name={id('frequency')}>
                <Field.Label>{t('frequency', 'How often')}</Field.Label>
                <SingleSelect value={frequency} disabled={disabled} onChange={(f: string | number) => set({ frequency: f as ScheduleValue['frequency'] })}>
                  <SingleSelectOption value="once">{t('frequency.once', 'Once')}</SingleSelectOption>
                  <SingleSelectOption value="daily">{t('frequency.daily', 'Every day')}</SingleSelectOption>
                  <SingleSelectOption value="weekly">{t('frequency.weekly', 'Every week')}</SingleSelectOption>
                  <SingleSelectOption value="monthly">{t('frequency.monthly', 'Every month')}</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
            </Box>
            {frequency === 'weekly' && (
              <Box width="10rem">
                <Field.Root name={id('interval')} hint={t('interval.hint', '1 = every week, 2 = every other week')}>
                  <Field.Label>{t('interval', 'Every … weeks')}</Field.Label>
                  <TextInput type="number" min={1} max={52} disabled={disabled} value={String(value.interval ?? 1)} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ interval: Number(e.target.value) || 1 })} />
                  <Field.Hint />
                </Field.Root>
              </Box>
            )}
          </Flex>

          {frequency === 'weekly' && (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <Typography tag="legend" variant="pi" fontWeight="bold">{t('weekdays', 'On')}</Typography>
              <Flex gap={4} wrap="wrap" paddingTop={2}>
                {WEEKDAYS.map((d) => (
                  <Checkbox
                    key={d}
                    name={id(`weekday-${d}`)}
                    disabled={disabled}
                    checked={(value.weekdays ?? []).includes(d)}
                    onCheckedChange={(checked: boolean | 'indeterminate') =>
                      set({ weekdays: WEEKDAYS.filter((x) => (x === d ? checked === true : (value.weekdays ?? []).includes(x))) })
                    }
                  >
                    {weekdayName(d)}
                  </Checkbox>
                ))}
              </Flex>
            </fieldset>
          )}

          {frequency === 'monthly' && (
            <Flex gap={4} wrap="wrap" alignItems="flex-end">
              <Box minWidth="14rem">
                <Field.Root name={id('monthly-by')}>
                  <Field.Label>{t('monthlyBy', 'On')}</Field.Label>
                  <SingleSelect value={monthlyBy} disabled={disabled} onChange={(by: string | number) => set(by === 'weekday' ? { byWeekday: value.byWeekday ?? 'mon', nth: value.nth ?? 1, byMonthDay: undefined } : { byWeekday: undefined, nth: undefined, byMonthDay: value.byMonthDay ?? 1 })}>
                    <SingleSelectOption value="day">{t('monthlyBy.day', 'A day of the month (the 10th)')}</SingleSelectOption>
                    <SingleSelectOption value="weekday">{t('monthlyBy.weekday', 'A weekday (the 2nd Tuesday)')}</SingleSelectOption>
                  </SingleSelect>
                </Field.Root>
              </Box>
              {monthlyBy === 'day' ? (
                <Box width="10rem">
                  <Field.Root name={id('month-day')}>
                    <Field.Label>{t('byMonthDay', 'Day of the month')}</Field.Label>
                    <TextInput type="number" min={1} max={31} disabled={disabled} value={String(value.byMonthDay ?? 1)} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ byMonthDay: Number(e.target.value) || 1 })} />
                  </Field.Root>
                </Box>
              ) : (
                <>
                  <Box minWidth="10rem">
                    <Field.Root name={id('nth')}>
                      <Field.Label>{t('nth', 'Which')}</Field.Label>
                      <SingleSelect value={String(value.nth ?? 1)} disabled={disabled} onChange={(n: string | number) => set({ nth: Number(n) as ScheduleValue['nth'] })}>
                        <SingleSelectOption value="1">{t('nth.1', 'First')}</SingleSelectOption>
                        <SingleSelectOption value="2">{t('nth.2', 'Second')}</SingleSelectOption>
                        <SingleSelectOption value="3">{t('nth.3', 'Third')}</SingleSelectOption>
                        <SingleSelectOption value="4">{t('nth.4', 'Fourth')}</SingleSelectOption>
                        <SingleSelectOption value="-1">{t('nth.last', 'Last')}</SingleSelectOption>
                      </SingleSelect>
                    </Field.Root>
                  </Box>
                  <Box minWidth="10rem">
                    <Field.Root name={id('by-weekday')}>
                      <Field.Label>{t('byWeekday', 'Weekday')}</Field.Label>
                      <SingleSelect value={value.byWeekday ?? 'mon'} disabled={disabled} onChange={(d: string | number) => set({ byWeekday: d as Weekday })}>
                        {WEEKDAYS.map((d) => <SingleSelectOption key={d} value={d}>{weekdayName(d)}</SingleSelectOption>)}
                      </SingleSelect>
                    </Field.Root>
                  </Box>
                </>
              )}
            </Flex>
          )}

          <Flex gap={4} wrap="wrap">
            <Field.Root name={id('start-date')}>
              <Field.Label>{frequency === 'once' ? t('date', 'Date') : t('startDate', 'First date')}</Field.Label>
              <TextInput type="date" disabled={disabled} value={value.startDate ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(frequency === 'once' ? { startDate: e.target.value, endDate: e.target.value } : { startDate: e.target.value })} />
            </Field.Root>
            {frequency !== 'once' && (
              <Field.Root name={id('end-date')}>
                <Field.Label>{t('endDate', 'Last date')}</Field.Label>
                <TextInput type="date" disabled={disabled} value={value.endDate ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ endDate: e.target.value })} />
              </Field.Root>
            )}
            <Field.Root name={id('start-time')}>
              <Field.Label>{t('startTime', 'Starts at')}</Field.Label>
              <TextInput type="time" step={300} disabled={disabled} value={value.startTime ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ startTime: e.target.value })} />
            </Field.Root>
            <Field.Root name={id('duration')}>
              <Field.Label>{t('duration', 'Minutes')}</Field.Label>
              <TextInput type="number" min={1} max={1440} disabled={disabled} value={value.durationMinutes === undefined ? '' : String(value.durationMinutes)} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ durationMinutes: e.target.value === '' ? undefined : Number(e.target.value) })} />
            </Field.Root>
          </Flex>

          {frequency !== 'once' && (
            <Flex gap={4} wrap="wrap" alignItems="flex-start">
              <Box minWidth="16rem">
                <Field.Root name={id('exceptions')} hint={t('exceptions.hint', 'One date a line, e.g. 2026-10-01: holidays when it does not meet')}>
                  <Field.Label>{t('exceptions', 'Skipped dates')}</Field.Label>
                  <Textarea disabled={disabled} value={exceptionsText} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setExceptionsText(e.target.value)} onBlur={() => set({ exceptions: datesOf(exceptionsText) })} />
                  <Field.Hint />
                </Field.Root>
              </Box>
              <Box minWidth="16rem">
                <Field.Root name={id('extra-dates')} hint={t('extraDates.hint', 'One date a line: make-up sessions at the same time')}>
                  <Field.Label>{t('extraDates', 'Extra dates')}</Field.Label>
                  <Textarea disabled={disabled} value={extraText} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setExtraText(e.target.value)} onBlur={() => set({ extraDates: datesOf(extraText) })} />
                  <Field.Hint />
                </Field.Root>
              </Box>
            </Flex>
          )}
        </Flex>
      </Box>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});

export default ScheduleInput;
