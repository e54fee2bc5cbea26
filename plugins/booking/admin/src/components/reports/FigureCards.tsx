import type { Figures } from '../../../../shared/contracts/reports';
import { changeLabel, changeOf } from '../../utils/report-change';
import { formatCount, formatHours } from '../../utils/report-labels';
import type { ReportData } from '../../utils/use-service-report';
import { useT } from '../../utils/use-t';

interface FigureSpec {
  key: string;
  label: string;
  help: string;
  value(f: Figures): number;
  format?: 'hours';
}

/** A room figure added over every room. */
const allRooms = (f: Figures, field: 'hoursUsed' | 'attendeesDeclared') => f.rooms.reduce((n, r) => n + r[field], 0);

/** Each headline figure: this period, the one before and the same period a year earlier, and what it counts. */
export const FigureCards = ({ report }: { report: ReportData }) => {
  const { t, locale } = useT();
  const figures: FigureSpec[] = [
    {
      key: 'held',
      label: t('reports.figure.held', 'Activities held'),
      help: t('reports.help.held', 'Sessions of courses and events scheduled in the period that were not cancelled and had begun by now.'),
      value: (f) => f.activities.held,
    },
    {
      key: 'visits',
      label: t('reports.figure.visits', 'Person-visits (人次)'),
      help: t('reports.help.visits', 'People marked present at held sessions (each person of a family) plus walk-ins. Sessions whose attendance was not marked add nothing: they are counted apart.'),
      value: (f) => f.visits.total,
    },
    {
      key: 'unique',
      label: t('reports.figure.unique', 'People served'),
      help: t('reports.help.unique', 'Different people (by mobile number, else e-mail) who came to a session or had a confirmed room booking in the period.'),
      value: (f) => f.people.unique,
    },
    {
      key: 'new',
      label: t('reports.figure.new', 'New people'),
      help: t('reports.help.new', 'People served in the period who had not been served before it.'),
      value: (f) => f.people.new,
    },
    {
      key: 'hoursUsed',
      label: t('reports.figure.hoursUsed', 'Room hours used'),
      help: t('reports.help.hoursUsed', 'Booked hours of confirmed reservations whose time has passed and that were not marked as a no-show, all rooms together.'),
      value: (f) => allRooms(f, 'hoursUsed'),
      format: 'hours',
    },
    {
      key: 'attendeesDeclared',
      label: t('reports.figure.attendeesDeclared', 'Attendees declared by bookings'),
      help: t('reports.help.attendeesDeclared', 'The number of people groups said would come, on their confirmed room bookings in the period.'),
      value: (f) => allRooms(f, 'attendeesDeclared'),
    },
    {
      key: 'noShows',
      label: t('reports.figure.noShows', 'No-shows'),
      // Room bookings carry no no-show mark yet: the server says so, and the help text with it.
      help: report.current.noShowsCountRooms
        ? t('reports.help.noShows', 'Enrolments marked absent at sessions whose attendance was marked, and room bookings marked as a no-show.')
        : t('reports.help.noShowsEnrolments', 'Enrolments marked absent at sessions whose attendance was marked. Room bookings have no no-show mark, so they are not counted.'),
      value: (f) => f.noShows,
    },
    {
      key: 'lateCancellations',
      label: t('reports.figure.lateCancellations', 'Late cancellations'),
      help: t('reports.help.lateCancellations', 'Enrolments and room bookings cancelled less than 24 hours before they began.'),
      value: (f) => f.lateCancellations,
    },
    {
      key: 'cancelled',
      label: t('reports.figure.cancelled', 'Sessions cancelled'),
      help: t('reports.help.cancelled', 'Sessions in the period that the centre cancelled (they are not counted as held).'),
      value: (f) => f.activities.cancelled,
    },
  ];
  const show = (n: number, spec: FigureSpec) => (spec.format === 'hours' ? formatHours(n, locale) : formatCount(n, locale));
  const { visits } = report.current;

  return (
    <div className="cards">
      {figures.map((spec) => {
        const now = spec.value(report.current);
        const before = spec.value(report.previousFigures);
        const lastYear = spec.value(report.lastYearFigures);
        const vsBefore = changeOf(now, before);
        const vsLastYear = changeOf(now, lastYear);
        return (
          <section className="card" key={spec.key} data-figure={spec.key} data-value={now} aria-labelledby={`linli-figure-${spec.key}`}>
            <h3 id={`linli-figure-${spec.key}`}>{spec.label}</h3>
            <div className="value">{show(now, spec)}</div>
            <ul className="compare">
              <li className={vsBefore.direction} data-compare="previous">
                {t('reports.vsPrevious', 'vs previous period: {change} ({value})', { change: changeLabel(vsBefore, t('reports.noBase', 'no comparison')), value: show(before, spec) })}
              </li>
              <li className={vsLastYear.direction} data-compare="last-year">
                {t('reports.vsLastYear', 'vs a year earlier: {change} ({value})', { change: changeLabel(vsLastYear, t('reports.noBase', 'no comparison')), value: show(lastYear, spec) })}
              </li>
            </ul>
            {spec.key === 'visits' && visits.sessionsUnmarked > 0 && (
              <p className="unmarked" data-unmarked={visits.sessionsUnmarked} data-enrolled-in-unmarked={visits.enrolledInUnmarked}>
                {t('reports.unmarked', '{n, plural, one {# session} other {# sessions}} without attendance marked; {m} enrolled in them (not counted above).', {
                  n: visits.sessionsUnmarked,
                  m: visits.enrolledInUnmarked,
                })}
              </p>
            )}
            {spec.key === 'visits' && (
              <p className="help">
                {t('reports.visitsSplit', '{present} present, {walkIns} walk-ins', { present: formatCount(visits.present, locale), walkIns: formatCount(visits.walkIns, locale) })}
              </p>
            )}
            <p className="help">{spec.help}</p>
          </section>
        );
      })}
    </div>
  );
};
