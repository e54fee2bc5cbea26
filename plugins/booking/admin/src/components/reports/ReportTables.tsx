import * as React from 'react';
import { Button } from '@strapi/design-system';
import { audienceName, formatCount, formatHours, formatShare, roomName, sessionStatusLabel } from '../../utils/report-labels';
import type { ReportData } from '../../utils/use-service-report';
import { useT } from '../../utils/use-t';

/** Rows shown before "show all": a year's table runs to thousands of sessions, which the .xlsx holds. */
const FIRST_ROWS = 100;

/** Each room's use: hours booked and used against opening hours, groups and the people they declared. */
export const RoomTable = ({ report }: { report: ReportData }) => {
  const { t, locale } = useT();
  const rooms = report.current.rooms;
  if (rooms.length === 0) return <p className="muted">{t('reports.noRooms', 'No rooms.')}</p>;
  const definitions = {
    hoursBooked: t('reports.definition.hoursBooked', 'Hours booked: hours of confirmed room bookings in the period.'),
    hoursUsed: t('reports.definition.hoursUsed', 'Hours used: hours booked of bookings that have ended. Rooms have no "did not come" mark, so every ended confirmed booking counts as used.'),
    occupancy: t('reports.definition.occupancy', 'Occupancy: (hours booked + hours of activities held in the room) ÷ the room\'s opening hours over the period, at most 100%. Closures are not taken off.'),
    groups: t('reports.definition.groups', 'Groups served: distinct contacts (by phone, else e-mail) of the room\'s confirmed bookings in the period.'),
    attendeesDeclared: t('reports.definition.attendeesDeclared', 'Attendees declared: the attendees the room\'s confirmed bookings gave, summed.'),
  };
  return (
    <>
      <table data-table="rooms">
        <thead>
          <tr>
            <th>{t('reports.col.room', 'Room')}</th>
            <th className="num">{t('reports.col.hoursBooked', 'Hours booked')}</th>
            <th className="num">{t('reports.col.hoursUsed', 'Hours used')}</th>
            <th className="num">{t('reports.col.hoursActivities', 'Hours of activities')}</th>
            <th className="num">{t('reports.col.openHours', 'Opening hours')}</th>
            <th className="num">{t('reports.col.occupancy', 'Occupancy')}</th>
            <th className="num">{t('reports.col.groups', 'Groups')}</th>
            <th className="num">{t('reports.col.attendeesDeclared', 'Attendees declared')}</th>
          </tr>
        </thead>
        <tbody>
          {rooms.map((r) => (
            <tr key={r.slug ?? r.name ?? ''} data-room={r.slug ?? ''}>
              <td>{roomName(r, t)}</td>
              <td className="num">{formatHours(r.hoursBooked, locale)}</td>
              <td className="num">{formatHours(r.hoursUsed, locale)}</td>
              <td className="num">{formatHours(r.hoursActivities, locale)}</td>
              <td className="num">{formatHours(r.openHours, locale)}</td>
              <td className="num">{formatShare(r.occupancy, locale)}</td>
              <td className="num">{formatCount(r.groups, locale)}</td>
              <td className="num">{formatCount(r.attendeesDeclared, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="help" data-definitions="rooms">
        {(['hoursBooked', 'hoursUsed', 'occupancy', 'groups', 'attendeesDeclared'] as const).map((key) => (
          <li key={key}>{definitions[key]}</li>
        ))}
      </ul>
    </>
  );
};

/** Activities held and person-visits by audience (who an activity is for, as its editor wrote it). */
export const AudienceTable = ({ report }: { report: ReportData }) => {
  const { t, locale } = useT();
  const rows = report.current.activities.byAudience;
  if (rows.length === 0) return null;
  return (
    <table data-table="audience">
      <thead>
        <tr>
          <th>{t('reports.col.audience', 'For')}</th>
          <th className="num">{t('reports.col.held', 'Held')}</th>
          <th className="num">{t('reports.col.visits', 'Person-visits')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.audience ?? ''}>
            <td>{audienceName(a.audience, t)}</td>
            <td className="num">{formatCount(a.held, locale)}</td>
            <td className="num">{formatCount(a.visits, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** The period's sessions, one a line, with who came; "not marked" where attendance was not taken. */
export const SessionTable = ({ report, all = false }: { report: ReportData; all?: boolean }) => {
  const { t, locale } = useT();
  const [showAll, setShowAll] = React.useState(all);
  const sessions = report.sessions;
  if (sessions.length === 0) return <p className="muted">{t('reports.noSessions', 'No sessions in this period.')}</p>;
  const shown = showAll ? sessions : sessions.slice(0, FIRST_ROWS);
  const notMarked = t('reports.notMarked', 'not marked');
  return (
    <>
      <table data-table="sessions">
        <thead>
          <tr>
            <th>{t('reports.col.date', 'Date')}</th>
            <th>{t('reports.col.time', 'Time')}</th>
            <th>{t('reports.col.activity', 'Activity')}</th>
            <th>{t('reports.col.category', 'Category')}</th>
            <th>{t('reports.col.room', 'Room')}</th>
            <th>{t('reports.col.status', 'Status')}</th>
            <th className="num">{t('reports.col.enrolled', 'Enrolled')}</th>
            <th className="num">{t('reports.col.present', 'Present')}</th>
            <th className="num">{t('reports.col.walkIns', 'Walk-ins')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s, i) => (
            <tr key={`${s.date}-${s.start}-${s.activity}-${i}`} className={s.status === 'cancelled' ? 'cancelled' : undefined} data-status={s.status}>
              <td>{s.date}</td>
              <td>{`${s.start}–${s.end}`}</td>
              <td>{s.activity}</td>
              <td>{s.category ?? '—'}</td>
              <td>{s.room ?? '—'}</td>
              <td>{sessionStatusLabel(s.status, t)}</td>
              <td className="num">{formatCount(s.enrolled, locale)}</td>
              <td className="num">{s.status !== 'held' ? '—' : s.present === null ? <span className="muted">{notMarked}</span> : formatCount(s.present, locale)}</td>
              <td className="num">{s.status !== 'held' || s.walkIns === null ? '—' : formatCount(s.walkIns, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!showAll && sessions.length > FIRST_ROWS && (
        <Button variant="tertiary" onClick={() => setShowAll(true)} style={{ marginTop: 8 }}>
          {t('reports.showAllSessions', 'Show all {n} sessions', { n: formatCount(sessions.length, locale) })}
        </Button>
      )}
    </>
  );
};
