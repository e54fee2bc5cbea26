import * as React from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { ReportPeriod } from '../../../../shared/contracts/reports';
import { PLUGIN_ID } from '../../pluginId';
import { fileNameOf, saveBlob } from '../../utils/download-blob';
import { errorMessage } from '../../utils/fetch-error';
import { useT } from '../../utils/use-t';

type Format = 'xlsx' | 'csv';

/** The report as an Excel workbook (every table, a sheet each) and the sessions as CSV, fetched with the admin's token. */
export const DownloadButtons = ({ period }: { period: ReportPeriod }) => {
  const { t } = useT();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState<Format | null>(null);

  const download = async (format: Format) => {
    setBusy(format);
    try {
      const { data, headers } = (await get(`/${PLUGIN_ID}/reports/service.${format}`, { params: { from: period.from, to: period.to }, responseType: 'blob' })) as {
        data: Blob;
        headers?: Headers;
      };
      saveBlob(data, fileNameOf(headers?.get('content-disposition')) ?? `linli-report-${period.from}-${period.to}.${format}`);
    } catch (error: unknown) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex gap={2} wrap="wrap">
      <Button variant="secondary" startIcon={<Download />} loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void download('xlsx')}>
        {t('reports.downloadXlsx', 'Download Excel (.xlsx)')}
      </Button>
      <Button variant="secondary" startIcon={<Download />} loading={busy === 'csv'} disabled={busy !== null} onClick={() => void download('csv')}>
        {t('reports.downloadCsv', 'Download sessions (.csv)')}
      </Button>
    </Flex>
  );
};
