import * as React from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, Dialog, Field, Flex, Table, Tbody, Td, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ListStaffReservations, ReservationOccurrence as Occurrence, ReservationStatus as Status, StaffReservation as Request } from '../../../shared/contracts/reservations';
import { PAGE_PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from '../utils/fetch-error';
import { occurrenceLabel } from '../utils/occurrence-label';
import { tellByLine } from '../utils/notify-by-label';
import { useT } from '../utils/use-t';

const STATUSES: Status[] = ['pending', 'confirmed', 'rejected', 'cancelled'];
const PAGE_SIZE = 25;
const BADGE: Record<Status, 'warning' | 'success' | 'danger' | 'neutral'> = { pending: 'warning', confirmed: 'success', rejected: 'danger', cancelled: 'neutral' };


/** Staff's list of room requests: pending first, approve or reject each, with the requester told by mail. */
const ReservationsPage = () => {
  const { t, locale } = useT();
  const when = (o: Occurrence) => occurrenceLabel(o.start, o.end, locale);
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [status, setStatus] = React.useState<Status>('pending');
  const [page, setPage] = React.useState(1);
  const [answer, setAnswer] = React.useState<{ data: Request[]; total: number } | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [rejecting, setRejecting] = React.useState<Request | null>(null);
  const [reason, setReason] = React.useState('');

  const load = React.useCallback(async () => {
    try {
      const { data } = (await get(`/${PLUGIN_ID}/reservations`, { params: { status, page, pageSize: PAGE_SIZE } })) as { data: ListStaffReservations.Response };
      setAnswer({ data: data.data, total: data.meta.pagination.total });
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [get, status, page]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const decide = async (request: Request, action: 'approve' | 'reject', body?: unknown) => {
    setBusy(request.reference);
    try {
      await post(`/${PLUGIN_ID}/reservations/${request.reference}/${action}`, body ?? {});
      toggleNotification({
        type: 'success',
        message: action === 'approve' ? t('reservations.approved', '{reference} approved; the requester is told', { reference: request.reference }) : t('reservations.rejected', '{reference} rejected; the requester is told', { reference: request.reference }),
      });
      await load();
    } catch (error: unknown) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const statusLabel = (s: Status) =>
    t(`reservations.status.${s}`, { pending: 'Waiting for approval', confirmed: 'Confirmed', rejected: 'Rejected', cancelled: 'Cancelled' }[s]);
  const pages = answer ? Math.max(1, Math.ceil(answer.total / PAGE_SIZE)) : 1;

  return (
    <Page.Main>
      <Page.Title>{t('reservations.title', 'Room requests')}</Page.Title>
      <Layouts.Header title={t('reservations.title', 'Room requests')} subtitle={t('reservations.subtitle', 'Approve or reject what residents and groups asked for. They are told by e-mail.')} />
      <Layouts.Content>
        <Flex gap={2} marginBottom={4} role="group" aria-label={t('reservations.filter', 'Show')}>
          {STATUSES.map((s) => (
            <Button
              key={s}
              variant={s === status ? 'default' : 'tertiary'}
              aria-pressed={s === status}
              onClick={() => {
                setStatus(s);
                setPage(1);
              }}
            >
              {statusLabel(s)}
            </Button>
          ))}
        </Flex>
        {failed && <Page.Error />}
        {!failed && !answer && <Page.Loading />}
        {answer && answer.data.length === 0 && (
          <Box padding={6} background="neutral0" hasRadius>
            <Typography>{t('reservations.none', 'Nothing here.')}</Typography>
          </Box>
        )}
        {answer && answer.data.length > 0 && (
          <Table colCount={6} rowCount={answer.data.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('reservations.reference', 'Reference')}</Typography></Th>
                <Th><Typography variant="sigma">{t('reservations.room', 'Room')}</Typography></Th>
                <Th><Typography variant="sigma">{t('reservations.when', 'When')}</Typography></Th>
                <Th><Typography variant="sigma">{t('reservations.who', 'Who and what for')}</Typography></Th>
                <Th><Typography variant="sigma">{t('reservations.status', 'Status')}</Typography></Th>
                <Th><Typography variant="sigma">{t('reservations.actions', 'Decide')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {answer.data.map((r) => (
                <Tr key={r.reference} data-reference={r.reference}>
                  <Td><Typography fontWeight="bold">{r.reference}</Typography></Td>
                  <Td><Typography>{r.room?.name ?? '—'}</Typography></Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      {r.occurrences.map((o) => (
                        <Typography key={o.start} textDecoration={o.status === 'cancelled' ? 'line-through' : undefined}>{when(o)}</Typography>
                      ))}
                    </Flex>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography>{r.contactName}{r.organization ? ` · ${r.organization}` : ''} · {t('reservations.people', '{n} people', { n: r.attendees })}</Typography>
                      <Typography textColor="neutral600">{[r.phone, r.email].filter(Boolean).join(' · ')}</Typography>
                      <Typography textColor="neutral600" data-notify-by={r.notifyBy}>{tellByLine(r.notifyBy, t)}</Typography>
                      <Typography textColor="neutral600">{r.purpose}</Typography>
                      {r.overrideReason && (
                        <Typography textColor="warning700" data-override-reason>{t('reservations.overrideReason', 'Rule waived because: {reason}', { reason: r.overrideReason })}</Typography>
                      )}
                    </Flex>
                  </Td>
                  <Td><Badge backgroundColor={`${BADGE[r.status]}100`} textColor={`${BADGE[r.status]}700`}>{statusLabel(r.status)}</Badge></Td>
                  <Td>
                    {r.status === 'pending' && (
                      <Flex gap={2}>
                        <Button onClick={() => void decide(r, 'approve')} loading={busy === r.reference}>{t('reservations.approve', 'Approve')}</Button>
                        <Button variant="danger-light" onClick={() => { setReason(''); setRejecting(r); }} disabled={busy === r.reference}>{t('reservations.reject', 'Reject')}</Button>
                      </Flex>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {answer && pages > 1 && (
          <Flex gap={2} marginTop={4} alignItems="center">
            <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('reservations.previous', 'Previous')}</Button>
            <Typography>{t('reservations.page', 'Page {page} of {pages}', { page, pages })}</Typography>
            <Button variant="tertiary" disabled={page >= pages} onClick={() => setPage(page + 1)}>{t('reservations.next', 'Next')}</Button>
          </Flex>
        )}
        <Dialog.Root open={rejecting !== null} onOpenChange={(open: boolean) => !open && setRejecting(null)}>
          <Dialog.Content>
            <Dialog.Header>{t('reservations.rejectTitle', 'Reject {reference}', { reference: rejecting?.reference ?? '' })}</Dialog.Header>
            <Dialog.Body>
              <Field.Root name="reason" required hint={t('reservations.reasonHint', 'The requester reads this in the e-mail.')}>
                <Field.Label>{t('reservations.reason', 'Reason')}</Field.Label>
                <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
                <Field.Hint />
              </Field.Root>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button variant="tertiary">{t('reservations.keep', 'Keep it pending')}</Button>
              </Dialog.Cancel>
              <Dialog.Action>
                <Button
                  variant="danger"
                  disabled={reason.trim() === ''}
                  onClick={() => {
                    const request = rejecting!;
                    setRejecting(null);
                    void decide(request, 'reject', { data: { reason: reason.trim() } });
                  }}
                >
                  {t('reservations.confirmReject', 'Reject and tell them')}
                </Button>
              </Dialog.Action>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Only staff whose role has "Manage reservations" see the page (the API checks the same). */
const ProtectedReservationsPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.requests}>
    <ReservationsPage />
  </Page.Protect>
);

export default ProtectedReservationsPage;
