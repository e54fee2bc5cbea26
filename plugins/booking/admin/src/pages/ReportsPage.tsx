import * as React from 'react';
import { format } from 'date-fns';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Box, Flex, LinkButton } from '@strapi/design-system';
import { Route, Routes, useHref, useSearchParams } from 'react-router-dom';
import type { ReportPeriod } from '../../../shared/contracts/reports';
import { DownloadButtons } from '../components/reports/DownloadButtons';
import { PeriodPicker } from '../components/reports/PeriodPicker';
import { REPORT_CSS } from '../components/reports/report-css';
import { ReportBody } from '../components/reports/ReportBody';
import { ReportPrint } from '../components/reports/ReportPrint';
import { PAGE_PERMISSIONS } from '../permissions';
import { type PeriodKind, kindOf, lastFullMonth, periodFromParams } from '../utils/report-period';
import { useServiceReport } from '../utils/use-service-report';
import { useT } from '../utils/use-t';

/**
 * "统计报表 / Reports": a period's figures against the period before and a year earlier, the
 * paragraph for the monthly report, charts, tables, downloads and a print view. The period lives in
 * the address (?from=&to=), so a reload or a shared link shows the same report.
 */
const ReportsPage = () => {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  // The staff computer's calendar picks the default: at worst, in the small hours of the 1st, a
  // computer in another zone than the centre's offers the month before.
  const period = React.useMemo(() => periodFromParams(params) ?? lastFullMonth(format(new Date(), 'yyyy-MM-dd')), [params]);
  const [kind, setKind] = React.useState<PeriodKind>(() => kindOf(period));
  const { report, error, loading } = useServiceReport(period);

  const choose = (next: ReportPeriod, nextKind: PeriodKind) => {
    setKind(nextKind);
    setParams({ from: next.from, to: next.to });
  };
  const printHref = useHref(`print?from=${period.from}&to=${period.to}`);

  return (
    <Page.Main>
      <Page.Title>{t('reports.title', 'Reports')}</Page.Title>
      <Layouts.Header
        title={t('reports.title', 'Reports')}
        subtitle={t('reports.subtitle', 'How much the centre served in a period, compared with the period before and a year earlier: figures, a paragraph for the report, charts and downloads.')}
        primaryAction={
          <LinkButton href={printHref} target="_blank" rel="noopener" variant="default">
            {t('reports.printView', 'Print (A4)')}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <style>{REPORT_CSS}</style>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex justifyContent="space-between" alignItems="flex-start" wrap="wrap" gap={4}>
            <PeriodPicker period={period} kind={kind} onChange={choose} />
            <DownloadButtons period={period} />
          </Flex>
          {error && (
            <Box padding={4} background="danger100" hasRadius role="alert">
              {error}
            </Box>
          )}
          {!error && !report && <Page.Loading />}
          {report && (
            <div aria-busy={loading} data-report={`${report.period.from}/${report.period.to}`} style={loading ? { opacity: 0.6 } : undefined}>
              <ReportBody report={report} />
            </div>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Roles holding "View reports"; the print view opens in a tab of its own. */
const ProtectedReportsPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.reports}>
    <Routes>
      <Route path="print" element={<ReportPrint />} />
      <Route path="*" element={<ReportsPage />} />
    </Routes>
  </Page.Protect>
);

export default ProtectedReportsPage;
