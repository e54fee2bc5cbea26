import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ReportPeriod, ServiceReport } from '../../../shared/contracts/reports';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from './fetch-error';

export type ReportData = ServiceReport;

/** The service report for `period`, asked again whenever the period changes; `error` is the server's reason (e.g. a 400 naming the field). */
export const useServiceReport = (period: ReportPeriod | null) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ report: ReportData | null; error: string | null; loading: boolean }>({ report: null, error: null, loading: true });
  const from = period?.from;
  const to = period?.to;

  React.useEffect(() => {
    if (!from || !to) return undefined;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get(`/${PLUGIN_ID}/reports/service`, { params: { from, to } })
      .then(({ data }) => {
        // An answer for a period since left behind must not overwrite the newer one.
        if (current) setState({ report: (data as { data: ServiceReport }).data, error: null, loading: false });
      })
      .catch((error: unknown) => {
        if (current) setState({ report: null, error: errorMessage(error), loading: false });
      });
    return () => {
      current = false;
    };
  }, [get, from, to]);

  return state;
};
