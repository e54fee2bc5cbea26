import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import type { ReportPeriod } from '../../../../shared/contracts/reports';
import { isCalendarDay } from '../../utils/calendar-day';
import { type PeriodKind, periodLabel, periodOf, shiftPeriod } from '../../utils/report-period';
import { useT } from '../../utils/use-t';

interface Props {
  period: ReportPeriod;
  kind: PeriodKind;
  onChange(period: ReportPeriod, kind: PeriodKind): void;
}

/** Month, quarter, year (stepped back and forth) or any from–to, as a centre reports. */
export const PeriodPicker = ({ period, kind, onChange }: Props) => {
  const { t, locale } = useT();
  const [typed, setTyped] = React.useState(period);
  React.useEffect(() => setTyped(period), [period]);

  const kinds: Array<[PeriodKind, string]> = [
    ['month', t('reports.kind.month', 'Month')],
    ['quarter', t('reports.kind.quarter', 'Quarter')],
    ['year', t('reports.kind.year', 'Year')],
    ['custom', t('reports.kind.custom', 'From – to')],
  ];
  const choose = (next: PeriodKind) => (next === 'custom' ? onChange(period, 'custom') : onChange(periodOf(next, period.from), next));
  const step = (steps: number) => kind !== 'custom' && onChange(shiftPeriod(kind, period, steps), kind);
  const previousLabel = { month: t('reports.previous.month', 'Previous month'), quarter: t('reports.previous.quarter', 'Previous quarter'), year: t('reports.previous.year', 'Previous year') };
  const nextLabel = { month: t('reports.next.month', 'Next month'), quarter: t('reports.next.quarter', 'Next quarter'), year: t('reports.next.year', 'Next year') };

  const fromError = typed.from !== '' && !isCalendarDay(typed.from) ? t('reports.error.day', 'Pick a date (year, month and day).') : undefined;
  const toError =
    typed.to !== '' && !isCalendarDay(typed.to)
      ? t('reports.error.day', 'Pick a date (year, month and day).')
      : isCalendarDay(typed.from) && isCalendarDay(typed.to) && typed.to < typed.from
        ? t('reports.error.reversed', 'The last day comes before the first.')
        : undefined;

  return (
    <Flex direction="column" alignItems="flex-start" gap={3}>
      <Flex gap={2} wrap="wrap" role="group" aria-label={t('reports.kind', 'Period')}>
        {kinds.map(([k, label]) => (
          <Button key={k} variant={k === kind ? 'default' : 'tertiary'} aria-pressed={k === kind} onClick={() => choose(k)}>
            {label}
          </Button>
        ))}
      </Flex>
      <Typography variant="beta" tag="h2" data-period={`${period.from}/${period.to}`}>
        {periodLabel(period, locale)}
      </Typography>
      {kind !== 'custom' ? (
        <Flex gap={2} wrap="wrap">
          <Button variant="secondary" startIcon={<ChevronLeft />} onClick={() => step(-1)}>
            {previousLabel[kind]}
          </Button>
          <Button variant="secondary" endIcon={<ChevronRight />} onClick={() => step(1)}>
            {nextLabel[kind]}
          </Button>
        </Flex>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!fromError && !toError && isCalendarDay(typed.from) && isCalendarDay(typed.to)) onChange(typed, 'custom');
          }}
        >
          <Flex gap={2} wrap="wrap" alignItems="flex-start">
            <Field.Root name="from" error={fromError}>
              <Field.Label>{t('reports.from', 'From')}</Field.Label>
              <TextInput type="date" value={typed.from} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTyped({ ...typed, from: e.target.value })} />
              <Field.Error />
            </Field.Root>
            <Field.Root name="to" error={toError}>
              <Field.Label>{t('reports.to', 'To')}</Field.Label>
              <TextInput type="date" value={typed.to} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTyped({ ...typed, to: e.target.value })} />
              <Field.Error />
            </Field.Root>
            <Box paddingTop={6}>
              <Button type="submit">{t('reports.show', 'Show')}</Button>
            </Box>
          </Flex>
        </form>
      )}
    </Flex>
  );
};
