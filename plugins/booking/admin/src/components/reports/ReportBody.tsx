import { periodLabel } from '../../utils/report-period';
import type { ReportData } from '../../utils/use-service-report';
import { useT } from '../../utils/use-t';
import { FigureCards } from './FigureCards';
import { ReportCharts } from './ReportCharts';
import { ReportSentences } from './ReportSentences';
import { AudienceTable, RoomTable, SessionTable } from './ReportTables';

interface Props {
  report: ReportData;
  /** On paper: charts at a fixed width, no buttons, every session. */
  print?: { chartWidth: number; sessions: boolean };
}

/** The report itself, the same on screen and on paper: figures, the sentences, charts and tables. */
export const ReportBody = ({ report, print }: Props) => {
  const { t, locale } = useT();
  return (
    <div className="linli-report" lang={locale}>
      <p className="muted" data-compared>
        {t('reports.comparedWith', 'Compared with {previous} (the period before) and {lastYear} (a year earlier).', {
          previous: periodLabel(report.previous, locale),
          lastYear: periodLabel(report.lastYear, locale),
        })}{' '}
        {t('reports.definition.comparison', 'A whole month, quarter or year is compared with the one before; other dates with as many days just before. Last year: the same dates a year earlier.')}
      </p>
      <FigureCards report={report} />
      <h2>{t('reports.sentencesHeading', 'For the monthly report')}</h2>
      <ReportSentences report={report} print={Boolean(print)} />
      <h2>{t('reports.chartsHeading', 'Charts')}</h2>
      <ReportCharts report={report} width={print?.chartWidth} />
      <h2>{t('reports.roomsHeading', 'Rooms')}</h2>
      <RoomTable report={report} />
      {report.current.activities.byAudience.length > 0 && (
        <>
          <h2>{t('reports.audienceHeading', 'By audience')}</h2>
          <AudienceTable report={report} />
        </>
      )}
      {(!print || print.sessions) && (
        <>
          <h2>{t('reports.sessionsHeading', 'Sessions')}</h2>
          <SessionTable report={report} all={Boolean(print)} />
        </>
      )}
    </div>
  );
};
