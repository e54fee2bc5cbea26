import * as React from 'react';
import { Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import { dayLabel, isCalendarDay, shiftDay } from '../../utils/calendar-day';
import { useT } from '../../utils/use-t';

interface DayNavigatorProps {
  date: string;
  /** The centre's today, as the server reckons it. */
  today: string;
  onChange: (date: string) => void;
}

/** Which day's sessions are listed: previous / today / next, or any date picked. */
export const DayNavigator = ({ date, today, onChange }: DayNavigatorProps) => {
  const { t, locale } = useT();
  const [typed, setTyped] = React.useState(date);
  React.useEffect(() => setTyped(date), [date]);
  const invalid = typed !== '' && !isCalendarDay(typed);
  return (
    <Flex direction="column" alignItems="flex-start" gap={3}>
      <Typography variant="beta" tag="h2">
        {dayLabel(date, locale)}
        {date === today ? ` · ${t('attendance.today', 'Today')}` : ''}
      </Typography>
      <Flex gap={2} wrap="wrap" alignItems="flex-end">
        <Button size="L" variant="secondary" startIcon={<ChevronLeft />} onClick={() => onChange(shiftDay(date, -1))}>
          {t('attendance.previousDay', 'Previous day')}
        </Button>
        <Button size="L" variant={date === today ? 'default' : 'secondary'} onClick={() => onChange(today)}>
          {t('attendance.today', 'Today')}
        </Button>
        <Button size="L" variant="secondary" endIcon={<ChevronRight />} onClick={() => onChange(shiftDay(date, 1))}>
          {t('attendance.nextDay', 'Next day')}
        </Button>
        <Field.Root name="date" error={invalid ? t('attendance.error.date', 'Pick a date (year, month and day).') : undefined}>
          <Field.Label>{t('attendance.date', 'Date')}</Field.Label>
          <TextInput
            type="date"
            value={typed}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
              setTyped(e.target.value);
              if (isCalendarDay(e.target.value)) onChange(e.target.value);
            }}
          />
          <Field.Error />
        </Field.Root>
      </Flex>
    </Flex>
  );
};
