import * as React from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import type { AuditEntryView, ListAudit } from '../../../shared/contracts/audit';
import { AuditTable } from '../components/audit/AuditTable';
import { PAGE_PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { auditActionLabel } from '../utils/audit-labels';
import { errorMessage } from '../utils/fetch-error';
import { useT } from '../utils/use-t';

interface Filters {
  actor: string;
  action: string;
  subject: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { actor: '', action: '', subject: '', from: '', to: '' };
const PAGE_SIZE = 100;

/** "操作记录 / Audit log": what staff did, newest first, filtered by who, what, subject and days. Read only. */
const AuditLogPage = () => {
  const { t } = useT();
  const { get } = useFetchClient();
  const [filters, setFilters] = React.useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = React.useState<AuditEntryView[] | null>(null);
  const [meta, setMeta] = React.useState<ListAudit.Response['meta'] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const fetchPage = React.useCallback(
    async (before?: number) => {
      const params = Object.fromEntries(Object.entries({ ...filters, limit: String(PAGE_SIZE), before: before ? String(before) : '' }).filter(([, v]) => v !== ''));
      const { data } = (await get(`/${PLUGIN_ID}/audit`, { params })) as { data: ListAudit.Response };
      return data;
    },
    [get, filters]
  );

  React.useEffect(() => {
    let current = true;
    fetchPage()
      .then((answer) => {
        if (!current) return;
        setEntries(answer.data);
        setMeta(answer.meta);
        setError(null);
      })
      .catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [fetchPage]);

  const more = async () => {
    if (!entries?.length) return;
    try {
      const answer = await fetchPage(entries[entries.length - 1].id);
      setEntries([...entries, ...answer.data]);
      setMeta(answer.meta);
    } catch (e: unknown) {
      setError(errorMessage(e));
    }
  };

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Page.Main>
      <Page.Title>{t('audit.title', 'Audit log')}</Page.Title>
      <Layouts.Header title={t('audit.title', 'Audit log')} subtitle={t('audit.subtitle', 'Every staff action: who did what, when, from which address. Entries can be neither changed nor deleted.')} />
      <Layouts.Content>
        <Flex gap={4} wrap="wrap" alignItems="flex-end" marginBottom={4} role="search" aria-label={t('audit.filters', 'Filter the audit log')}>
          <Field.Root name="actor">
            <Field.Label>{t('audit.filter.who', 'Who')}</Field.Label>
            <SingleSelect value={filters.actor} placeholder={t('audit.filter.anyone', 'Anyone')} onChange={(v: string | number) => set({ actor: String(v) })} onClear={() => set({ actor: '' })}>
              {(meta?.actors ?? []).map((a) => (
                <SingleSelectOption key={a.id} value={String(a.id)}>{a.name || a.email || `#${a.id}`}</SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="action">
            <Field.Label>{t('audit.filter.what', 'Action')}</Field.Label>
            <SingleSelect value={filters.action} placeholder={t('audit.filter.anything', 'Any action')} onChange={(v: string | number) => set({ action: String(v) })} onClear={() => set({ action: '' })}>
              {(meta?.actions ?? []).map((a) => (
                <SingleSelectOption key={a} value={a}>{auditActionLabel(a, t)}</SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="subject" hint={t('audit.filter.subjectHint', 'A kind, or kind:id, e.g. reservation:LL-7K3Q9')}>
            <Field.Label>{t('audit.filter.subject', 'Subject')}</Field.Label>
            <TextInput value={filters.subject} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ subject: e.target.value.trim() })} />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="from">
            <Field.Label>{t('audit.filter.from', 'From')}</Field.Label>
            <TextInput type="date" value={filters.from} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ from: e.target.value })} />
          </Field.Root>
          <Field.Root name="to">
            <Field.Label>{t('audit.filter.to', 'To')}</Field.Label>
            <TextInput type="date" value={filters.to} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ to: e.target.value })} />
          </Field.Root>
          <Button variant="tertiary" onClick={() => setFilters(NO_FILTERS)}>{t('audit.filter.clear', 'Clear filters')}</Button>
        </Flex>
        {error && (
          <Box padding={4} background="danger100" hasRadius marginBottom={4}>
            <Typography textColor="danger700">{error}</Typography>
          </Box>
        )}
        {!error && !entries && <Page.Loading />}
        {entries && entries.length === 0 && (
          <Box padding={6} background="neutral0" hasRadius>
            <Typography>{t('audit.none', 'No entries match.')}</Typography>
          </Box>
        )}
        {entries && entries.length > 0 && <AuditTable entries={entries} />}
        {meta?.capped && (
          <Box marginTop={4}>
            <Button variant="secondary" onClick={() => void more()}>{t('audit.more', 'Show older entries')}</Button>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/** Staff whose role holds "View audit log". */
const ProtectedAuditLogPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.audit}>
    <AuditLogPage />
  </Page.Protect>
);

export default ProtectedAuditLogPage;
