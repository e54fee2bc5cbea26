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
      help: t('reports.definition.held', 'Activities held: sessions of courses and events in the period, not cancelled, that have begun.'),
      value: (f) => f.activities.held,
    },
    {
      key: 'visits',
      label: t('reports.figure.visits', 'Person-visits (人次)'),
      help: t('reports.definition.visits', 'Person-visits (人次): people marked present (a family\'s count included) plus walk-ins, at held sessions whose attendance was marked. Nothing is guessed for sessions not marked.'),
      value: (f) => f.visits.total,
    },
    {
      key: 'unique',
      label: t('reports.figure.unique', 'People served'),
      help: t('reports.definition.unique', 'Unique people: distinct people (by phone, else e-mail) marked present at a held session or whose confirmed booking began in the period. Walk-ins are not among them.'),
      value: (f) => f.people.unique,
    },
    {
      key: 'new',
      label: t('reports.figure.new', 'New people'),
      help: t('reports.definition.new', 'New people: unique people never served before the period.'),
      value: (f) => f.people.new,
    },
    {
      key: 'hoursUsed',
      label: t('reports.figure.hoursUsed', 'Room hours used'),
      help: t('reports.definition.hoursUsed', 'Hours used: hours booked of bookings that have ended. Rooms have no "did not come" mark, so every ended confirmed booking counts as used.'),
      value: (f) => allRooms(f, 'hoursUsed'),
      format: 'hours',
    },
    {
      key: 'attendeesDeclared',
      label: t('reports.figure.attendeesDeclared', 'Attendees declared by bookings'),
      help: t('reports.definition.attendeesDeclared', 'Attendees declared: the attendees the room\'s confirmed bookings gave, summed.'),
      value: (f) => allRooms(f, 'attendeesDeclared'),
    },
    {
      key: 'noShows',
      label: t('reports.figure.noShows', 'No-shows'),
      help: t('reports.definition.noShows', 'No-shows: people enrolled before a session began who were not marked present, at sessions whose attendance was marked (not those who said "I can\'t come"). Room bookings have no such mark and are not counted.'),
      value: (f) => f.noShows,
    },
    {
      key: 'lateCancellations',
      label: t('reports.figure.lateCancellations', 'Late cancellations'),
      help: t('reports.definition.lateCancellations', 'Late cancellations: enrolments and bookings cancelled by the person less than 24 hours before the start.'),
      value: (f) => f.lateCancellations,
    },
    {
      key: 'cancelled',
      label: t('reports.figure.cancelled', 'Sessions cancelled'),
      help: t('reports.definition.cancelled', 'Cancelled: sessions in the period that staff cancelled.'),
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
