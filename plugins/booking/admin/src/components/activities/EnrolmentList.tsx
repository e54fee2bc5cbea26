import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Dialog, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import type { CancelDeskEnrolment, DeskEnrolmentList, DeskPerson } from '../../../../shared/contracts/activities';
import { PLUGIN_ID } from '../../pluginId';
import { errorMessage, fieldErrors } from '../../utils/fetch-error';
import { serverFieldMessage } from '../../utils/enrolment-form';
import { tellByLine } from '../../utils/notify-by-label';
import { useT } from '../../utils/use-t';

interface Props {
  list: DeskEnrolmentList;
  onChanged(): Promise<void>;
}

/** Who is enrolled, then the waiting list in order; staff cancel for someone, and the next in line moves up and is told. */
const EnrolmentList = ({ list, onChanged }: Props) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [cancelling, setCancelling] = React.useState<DeskPerson | null>(null);
  const [busy, setBusy] = React.useState(false);

  const cancel = async (person: DeskPerson) => {
    setBusy(true);
    try {
      const { data } = (await post(`/${PLUGIN_ID}/enrolments/${person.enrolment}/cancel`, {})) as { data: CancelDeskEnrolment.Response };
      const promoted = data.data.promoted.map((p) => p.name).join('、');
      toggleNotification({
        type: 'success',
        message: promoted
          ? t('activities.cancelledPromoted', '{name} is no longer enrolled; {promoted} moved up from the waiting list and is told.', { name: person.name, promoted })
          : t('activities.cancelledEnrolment', '{name} is no longer enrolled.', { name: person.name }),
      });
      setCancelling(null);
      await onChanged();
    } catch (e: unknown) {
      const [field, error] = Object.entries(fieldErrors(e))[0] ?? [];
      toggleNotification({ type: 'danger', message: error ? serverFieldMessage(field, error, t) : errorMessage(e) });
      setCancelling(null);
      await onChanged();
    } finally {
      setBusy(false);
    }
  };

  const table = (people: DeskPerson[], waiting: boolean) => (
    <Table colCount={6} rowCount={people.length + 1}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{waiting ? t('activities.position', 'Place in line') : t('activities.number', 'No.')}</Typography></Th>
          <Th><Typography variant="sigma">{t('activities.personName', 'Name')}</Typography></Th>
          <Th><Typography variant="sigma">{t('activities.contact', 'Phone and e-mail')}</Typography></Th>
          <Th><Typography variant="sigma">{t('activities.people', 'People')}</Typography></Th>
          <Th><Typography variant="sigma">{t('activities.note', 'Note')}</Typography></Th>
          <Th><VisuallyHidden>{t('activities.actions', 'Actions')}</VisuallyHidden></Th>
        </Tr>
      </Thead>
      <Tbody>
        {people.map((p, i) => (
          <Tr key={p.enrolment} data-enrolment={p.enrolment} data-name={p.name}>
            <Td><Typography>{waiting ? p.position : i + 1}</Typography></Td>
            <Td><Typography fontWeight="bold">{p.name}</Typography></Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography>{[p.phone, p.email].filter(Boolean).join(' · ') || '—'}</Typography>
                <Typography textColor="neutral600" data-notify-by={p.notifyBy}>{tellByLine(p.notifyBy, t)}</Typography>
              </Flex>
            </Td>
            <Td><Typography>{p.people}</Typography></Td>
            <Td><Typography>{p.note ?? ''}</Typography></Td>
            <Td>
              <Button variant="danger-light" onClick={() => setCancelling(p)} disabled={busy}>
                {t('activities.cancelEnrolment', 'Cancel enrolment')}
                <VisuallyHidden>{` ${p.name}`}</VisuallyHidden>
              </Button>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );

  return (
    <>
      <Box marginTop={2} data-list="confirmed">
        {list.confirmed.length === 0 ? <Typography>{t('activities.nobody', 'Nobody is enrolled yet.')}</Typography> : table(list.confirmed, false)}
      </Box>
      <Box marginTop={4} data-list="waitlist">
        <Typography tag="h3" variant="epsilon" fontWeight="bold">{t('activities.waitlist', 'Waiting list')}</Typography>
        {list.waitlist.length === 0 ? <Typography>{t('activities.nobodyWaiting', 'Nobody is waiting.')}</Typography> : table(list.waitlist, true)}
      </Box>
      <Dialog.Root open={cancelling !== null} onOpenChange={(open: boolean) => !open && setCancelling(null)}>
        <Dialog.Content>
          <Dialog.Header>{t('activities.cancelEnrolmentTitle', 'Cancel the enrolment of {name}?', { name: cancelling?.name ?? '' })}</Dialog.Header>
          <Dialog.Body>
            <Typography>{t('activities.cancelEnrolmentBody', 'The place goes to the first on the waiting list, who is told by e-mail if they gave one.')}</Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('activities.keepEnrolment', 'Keep it')}</Button>
            </Dialog.Cancel>
            <Button variant="danger" loading={busy} onClick={() => cancelling && void cancel(cancelling)}>
              {t('activities.confirmCancelEnrolment', 'Cancel the enrolment')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </>
  );
};

export default EnrolmentList;
