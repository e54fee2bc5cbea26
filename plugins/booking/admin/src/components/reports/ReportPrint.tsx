import * as React from 'react';
import { createPortal } from 'react-dom';
import { useSearchParams } from 'react-router-dom';
import { periodFromParams, periodLabel } from '../../utils/report-period';
import { useServiceReport } from '../../utils/use-service-report';
import { useT } from '../../utils/use-t';
import { REPORT_CSS } from './report-css';
import { ReportBody } from './ReportBody';

const ROOT_ID = 'linli-report-print';
/** Two charts side by side within A4's 186 mm between margins (about 700 CSS pixels). */
const CHART_WIDTH = 330;

/**
 * The report alone on the page, laid out for A4 portrait: rendered straight into <body> over the
 * panel, and printing hides every other child of <body>.
 */
const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
#${ROOT_ID} { position: fixed; inset: 0; z-index: 2147483000; overflow: auto; background: #fff; color: #000;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
#${ROOT_ID} .toolbar { display: flex; gap: 12px; align-items: center; justify-content: flex-end; padding: 12px 16px; border-bottom: 1px solid #bbb; background: #f4f4f4; font-size: 14px; }
#${ROOT_ID} .toolbar button { min-height: 44px; min-width: 110px; padding: 0 18px; font-size: 15px; font-weight: 600; border-radius: 6px; border: 2px solid #1c2c7c; cursor: pointer; background: #fff; color: #1c2c7c; }
#${ROOT_ID} .toolbar .print { background: #1c2c7c; color: #fff; }
#${ROOT_ID} .toolbar button:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
#${ROOT_ID} .paper { width: 186mm; margin: 0 auto; padding: 16px 0 32px; }
#${ROOT_ID} h1 { font-size: 18pt; margin: 0 0 2pt; }
#${ROOT_ID} .linli-report { font-size: 9.5pt; color: #000; }
#${ROOT_ID} .linli-report h2 { font-size: 12pt; margin: 10pt 0 5pt; break-after: avoid; }
#${ROOT_ID} .linli-report h3 { font-size: 9.5pt; }
#${ROOT_ID} .linli-report .cards { grid-template-columns: repeat(3, 1fr); gap: 5pt; }
#${ROOT_ID} .linli-report .card { padding: 5pt 7pt; border-color: #999; }
#${ROOT_ID} .linli-report .card .value { font-size: 16pt; }
#${ROOT_ID} .linli-report .card .compare, #${ROOT_ID} .linli-report .unmarked { font-size: 8.5pt; }
#${ROOT_ID} .linli-report .help { font-size: 7.5pt; color: #444; }
#${ROOT_ID} .linli-report .sentence p { font-size: 10.5pt; }
#${ROOT_ID} .linli-report .charts { grid-template-columns: repeat(2, 1fr); gap: 5pt; }
#${ROOT_ID} .linli-report figure { padding: 4pt; border-color: #999; }
#${ROOT_ID} .linli-report th, #${ROOT_ID} .linli-report td { border-color: #999; padding: 2pt 4pt; }
#${ROOT_ID} .linli-report tr { break-inside: avoid; }
@media print {
  html, body { height: auto !important; overflow: visible !important; background: #fff !important; }
  body > *:not(#${ROOT_ID}) { display: none !important; }
  #${ROOT_ID} { position: static; overflow: visible; }
  #${ROOT_ID} .toolbar { display: none; }
  #${ROOT_ID} .paper { width: auto; padding: 0; }
}
`;

/** "打印 / Print": the period's report on A4, opened in a tab of its own from the reports page. */
export const ReportPrint = () => {
  const { t, locale } = useT();
  const [params] = useSearchParams();
  const period = React.useMemo(() => periodFromParams(params), [params]);
  const { report, error } = useServiceReport(period);
  const [sessions, setSessions] = React.useState(true);

  // The title names the PDF a browser saves.
  const title = report ? `${t('reports.printHeading', 'Service report')} ${periodLabel(report.period, locale)}` : null;
  React.useEffect(() => {
    if (!title) return undefined;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  const view = (
    <div id={ROOT_ID} lang={locale}>
      <style>{REPORT_CSS + PRINT_CSS}</style>
      <div className="toolbar">
        <label>
          <input type="checkbox" checked={sessions} onChange={(e) => setSessions(e.target.checked)} /> {t('reports.printSessions', 'Include the sessions table')}
        </label>
        <button type="button" className="print" onClick={() => window.print()} disabled={!report}>
          {t('reports.print', 'Print')}
        </button>
        <button type="button" onClick={() => window.close()}>
          {t('reports.close', 'Close')}
        </button>
      </div>
      <div className="paper">
        {!period && <p role="alert">{t('reports.error.period', 'The address names no period: open the print view from the reports page.')}</p>}
        {error && <p role="alert">{error}</p>}
        {period && !report && !error && <p role="status">{t('reports.loading', 'Counting…')}</p>}
        {report && (
          <>
            <h1>
              {t('reports.printHeading', 'Service report')} · {periodLabel(report.period, locale)}
            </h1>
            <p className="muted">{`${report.period.from} – ${report.period.to}`}</p>
            <ReportBody report={report} print={{ chartWidth: CHART_WIDTH, sessions }} />
          </>
        )}
      </div>
    </div>
  );
  return createPortal(view, document.body);
};
