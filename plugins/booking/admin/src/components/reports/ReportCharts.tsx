import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { monthLabel } from '../../utils/report-period';
import { categoryName, roomName } from '../../utils/report-labels';
import type { ReportData } from '../../utils/use-service-report';
import { useT } from '../../utils/use-t';

/** The panel's own blues and greens (Strapi's primary600 and success600), so the charts look part of it. */
const VISITS = '#4945ff';
const HELD = '#328048';
const HEIGHT = 260;

interface Props {
  report: ReportData;
  /** A fixed width for paper (the print view), where a chart cannot follow the window. */
  width?: number;
}

/** Person-visits by month (line), by category and by room (bars), and each room's occupancy (bars). */
export const ReportCharts = ({ report, width }: Props) => {
  const { t, locale } = useT();
  const { current } = report;
  // A chart drawn for paper is drawn at once: an animation would print half-drawn.
  const animate = width === undefined;
  const sized = (chart: ReactElement) =>
    width === undefined ? (
      <ResponsiveContainer width="100%" height={HEIGHT}>
        {chart}
      </ResponsiveContainer>
    ) : (
      <div style={{ width, height: HEIGHT }}>{chart}</div>
    );
  const fixed = width === undefined ? {} : { width, height: HEIGHT };
  const visitsName = t('reports.chart.visits', 'Person-visits');
  const heldName = t('reports.chart.held', 'Activities held');

  const byMonth = current.visits.byMonth.map((m) => ({ label: monthLabel(m.month, locale), visits: m.visits, held: m.held }));
  const byCategory = current.activities.byCategory.map((c) => ({ label: categoryName(c, locale, t), visits: c.visits, held: c.held }));
  const byRoom = current.activities.byRoom.map((r) => ({ label: roomName(r, t), visits: r.visits, held: r.held }));
  const occupancy = current.rooms.map((r) => ({ label: roomName(r, t), occupancy: Math.round(r.occupancy * 1000) / 10 }));
  const empty = <p className="muted">{t('reports.chart.empty', 'Nothing to show for this period.')}</p>;

  const figure = (id: string, caption: string, rows: number, chart: ReactElement) => (
    <figure data-chart={id} aria-labelledby={`linli-chart-${id}`}>
      <figcaption id={`linli-chart-${id}`}>{caption}</figcaption>
      {rows === 0 ? empty : sized(chart)}
    </figure>
  );

  return (
    <div className="charts">
      {figure(
        'visits-by-month',
        t('reports.chart.byMonth', 'Person-visits by month'),
        byMonth.length,
        <LineChart data={byMonth} {...fixed} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="visits" name={visitsName} stroke={VISITS} strokeWidth={2} isAnimationActive={animate} />
          <Line type="monotone" dataKey="held" name={heldName} stroke={HELD} strokeWidth={2} isAnimationActive={animate} />
        </LineChart>
      )}
      {figure(
        'by-category',
        t('reports.chart.byCategory', 'By category'),
        byCategory.length,
        <BarChart data={byCategory} {...fixed} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" interval={0} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="visits" name={visitsName} fill={VISITS} isAnimationActive={animate} />
          <Bar dataKey="held" name={heldName} fill={HELD} isAnimationActive={animate} />
        </BarChart>
      )}
      {figure(
        'by-room',
        t('reports.chart.byRoom', 'By room'),
        byRoom.length,
        <BarChart data={byRoom} {...fixed} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" interval={0} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="visits" name={visitsName} fill={VISITS} isAnimationActive={animate} />
          <Bar dataKey="held" name={heldName} fill={HELD} isAnimationActive={animate} />
        </BarChart>
      )}
      {figure(
        'occupancy',
        t('reports.chart.occupancy', 'Occupancy of each room (hours booked and of activities, against opening hours)'),
        occupancy.length,
        <BarChart data={occupancy} {...fixed} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" interval={0} />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={(v) => `${v}%`} />
          <Bar dataKey="occupancy" name={t('reports.chart.occupancyShort', 'Occupancy')} fill={VISITS} isAnimationActive={animate} />
        </BarChart>
      )}
    </div>
  );
};
