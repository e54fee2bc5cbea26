import * as React from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { PAGE_PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { saveBlob } from '../utils/download-blob';
import { errorMessage, fieldErrors } from '../utils/fetch-error';
import { centreTime } from '../utils/message-labels';
import { useT } from '../utils/use-t';

interface Found {
  reservations: Array<{ documentId: string; reference: string; name: string; phone: string | null; email: string | null; start: string; status: string; purpose: string }>;
  enrolments: Array<{ documentId: string; name: string; phone: string | null; email: string | null; activityTitle: string | null; status: string; lastDate: string | null; attendance: Array<{ sessionId: string; people: number }> }>;
  messages: Array<{ id: number; channel: string; state: string; createdAt: string }>;
  upcoming: Array<{ kind: string; id: string }>;
  confirmation: string;
}

type Query = { phone?: string; email?: string };

const queryOf = (phone: string, email: string): Query => ({ ...(phone.trim() ? { phone: phone.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) });

/**
 * "个人信息请求 / Personal data requests": a resident asks what the centre holds on them, or to have
 * it deleted. Staff find them by phone or e-mail, export the file for them, and erase after a
 * confirmation naming what goes.
 */
const PersonalDataPage = () => {
  const { t } = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [phone, setPhone] = React.useState('');
  const [email, setEmail] = React.useState('');
  const [asked, setAsked] = React.useState<Query | null>(null);
  const [found, setFound] = React.useState<Found | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);

  const search = async (query: Query) => {
    setBusy(true);
    setConfirming(false);
    try {
      const { data } = (await get(`/${PLUGIN_ID}/personal-data`, { params: query })) as { data: { data: Found } };
      setFound(data.data);
      setAsked(query);
      setErrors({});
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(Object.fromEntries(Object.entries(byField).map(([field, e]) => [field, e.message])));
      if (Object.keys(byField).length === 0) toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const exportFile = async () => {
    if (!asked) return;
    try {
      const { data } = (await get(`/${PLUGIN_ID}/personal-data`, { params: { ...asked, format: 'file' } })) as { data: unknown };
      const day = new Date().toISOString().slice(0, 10);
      saveBlob(new Blob([typeof data === 'string' ? data : JSON.stringify(data, null, 2)], { type: 'application/json' }), `personal-data-${day}.json`);
      toggleNotification({ type: 'success', message: t('privacyData.exported', 'The file was saved. This export is recorded.') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const erase = async () => {
    if (!asked || !found) return;
    setBusy(true);
    try {
      await post(`/${PLUGIN_ID}/personal-data/erase`, { data: { ...asked, confirmation: found.confirmation } });
      toggleNotification({ type: 'success', message: t('privacyData.erased', 'Erased. The records stay in the counts without the person’s details.') });
      await search(asked);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      setBusy(false);
    }
  };

  const total = found ? found.reservations.length + found.enrolments.length : 0;

  return (
    <Page.Main>
      <Page.Title>{t('privacyData.title', 'Personal data requests')}</Page.Title>
      <Layouts.Header
        title={t('privacyData.title', 'Personal data requests')}
        subtitle={t('privacyData.subtitle', 'When a resident asks to see or delete what the centre holds on them: find them by phone or e-mail, export it for them, erase it.')}
      />
      <Layouts.Content>
        <Box padding={6} background="neutral0" hasRadius shadow="filterShadow">
          <form
            aria-label={t('privacyData.searchForm', 'Find a person')}
            onSubmit={(e) => {
              e.preventDefault();
              void search(queryOf(phone, email));
            }}
          >
            <Flex gap={4} alignItems="flex-end" wrap="wrap">
              <Field.Root name="phone" error={errors.phone}>
                <Field.Label>{t('privacyData.phone', 'Phone')}</Field.Label>
                <TextInput type="tel" value={phone} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPhone(e.target.value)} />
                <Field.Error />
              </Field.Root>
              <Field.Root name="email" error={errors.email}>
                <Field.Label>{t('privacyData.email', 'E-mail')}</Field.Label>
                <TextInput type="email" value={email} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setEmail(e.target.value)} />
                <Field.Error />
              </Field.Root>
              <Button type="submit" loading={busy}>
                {t('privacyData.search', 'Find')}
              </Button>
            </Flex>
          </form>
        </Box>

        {found && (
          <Box marginTop={6} padding={6} background="neutral0" hasRadius shadow="filterShadow" data-testid="personal-data-result">
            <Typography tag="h2" variant="delta">
              {t('privacyData.found', '{reservations} room bookings, {enrolments} enrolments, {messages} messages', {
                reservations: found.reservations.length,
                enrolments: found.enrolments.length,
                messages: found.messages.length,
              })}
            </Typography>
            {total > 0 && (
              <Box marginTop={4}>
                <ul>
                  {found.reservations.map((r) => (
                    <li key={r.documentId}>
                      <Typography>
                        {r.reference} · {centreTime(r.start)} · {r.name} · {[r.phone, r.email].filter(Boolean).join(' · ')} · {r.status}
                      </Typography>
                    </li>
                  ))}
                  {found.enrolments.map((e) => (
                    <li key={e.documentId}>
                      <Typography>
                        {e.activityTitle ?? '—'} · {e.name} · {[e.phone, e.email].filter(Boolean).join(' · ')} · {e.status}
                        {e.attendance.length > 0 ? ` · ${t('privacyData.attended', 'came {n} times', { n: e.attendance.length })}` : ''}
                      </Typography>
                    </li>
                  ))}
                </ul>
                {found.upcoming.length > 0 && (
                  <Box marginTop={4} padding={3} background="warning100" hasRadius>
                    <Typography>{t('privacyData.upcoming', 'Still to come: {n}. Cancel these bookings first (the person is told, waiting people move up), then erase.', { n: found.upcoming.length })}</Typography>
                  </Box>
                )}
                <Flex marginTop={4} gap={2}>
                  <Button variant="secondary" onClick={() => void exportFile()}>
                    {t('privacyData.export', 'Export file')}
                  </Button>
                  <Button variant="danger-light" disabled={found.upcoming.length > 0 || busy} onClick={() => setConfirming(true)}>
                    {t('privacyData.erase', 'Erase…')}
                  </Button>
                </Flex>
                {confirming && (
                  <Box marginTop={4} padding={4} background="danger100" hasRadius role="alertdialog" aria-label={t('privacyData.confirmTitle', 'Erase this person’s data?')}>
                    <Typography tag="p" fontWeight="bold">
                      {t('privacyData.confirmTitle', 'Erase this person’s data?')}
                    </Typography>
                    <Typography tag="p">
                      {t('privacyData.confirmText', 'Names, phone numbers, e-mails, notes and messages of these {n} records are erased for good. Dates and counts stay for the reports. This cannot be undone.', { n: total })}
                    </Typography>
                    <Flex marginTop={3} gap={2}>
                      <Button variant="danger" loading={busy} onClick={() => void erase()}>
                        {t('privacyData.confirmErase', 'Erase for good')}
                      </Button>
                      <Button variant="tertiary" onClick={() => setConfirming(false)}>
                        {t('privacyData.cancel', 'Cancel')}
                      </Button>
                    </Flex>
                  </Box>
                )}
              </Box>
            )}
            {total === 0 && <Typography tag="p">{t('privacyData.none', 'Nothing is held under this phone or e-mail.')}</Typography>}
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/** Staff holding "Personal data requests". */
const ProtectedPersonalDataPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.personalData}>
    <PersonalDataPage />
  </Page.Protect>
);

export default ProtectedPersonalDataPage;
