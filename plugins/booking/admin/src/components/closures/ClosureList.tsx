import * as React from 'react';
import { Box, Button, Dialog, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { StaffClosure } from '../../../../shared/contracts/closures';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { useT } from '../../utils/use-t';

/**
 * Closures as a table: rooms (or all), from–to on the centre's clock, the reason in both languages;
 * one still to come that was declared by mistake can be removed (after a question); past ones stay as a record.
 */
export const ClosureList = ({ closures, past, onRemove }: { closures: StaffClosure[]; past: boolean; onRemove: (closure: StaffClosure) => Promise<void> }) => {
  const { t, locale } = useT();
  const [removing, setRemoving] = React.useState<StaffClosure | null>(null);
  const roomsOf = (c: StaffClosure) => (c.allRooms ? t('closures.allRoomsShort', 'All rooms') : c.rooms.map((r) => r.name).join('、'));
  if (closures.length === 0) {
    return (
      <Box padding={4} background="neutral0" hasRadius>
        <Typography>{past ? t('closures.nonePast', 'No past closures.') : t('closures.noneUpcoming', 'No closures coming up.')}</Typography>
      </Box>
    );
  }
  return (
    <>
      <Table colCount={past ? 3 : 4} rowCount={closures.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('closures.rooms.column', 'Rooms')}</Typography></Th>
            <Th><Typography variant="sigma">{t('closures.when', 'When')}</Typography></Th>
            <Th><Typography variant="sigma">{t('closures.reason.column', 'Reason')}</Typography></Th>
            {!past && <Th><Typography variant="sigma">{t('closures.actions', 'Actions')}</Typography></Th>}
          </Tr>
        </Thead>
        <Tbody>
          {closures.map((c) => (
            <Tr key={c.id}>
              <Td><Typography>{roomsOf(c)}</Typography></Td>
              <Td><Typography>{occurrenceLabel(c.start, c.end, locale)}</Typography></Td>
              <Td>
                <Typography>
                  {c.reason}
                  {c.reasonEn && c.reasonEn !== c.reason ? ` / ${c.reasonEn}` : ''}
                </Typography>
              </Td>
              {!past && (
                <Td>
                  <Button variant="danger-light" size="S" onClick={() => setRemoving(c)}>
                    {t('closures.remove', 'Remove')}
                  </Button>
                </Td>
              )}
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Dialog.Root open={removing !== null} onOpenChange={(open: boolean) => !open && setRemoving(null)}>
        <Dialog.Content>
          <Dialog.Header>{t('closures.removeTitle', 'Remove this closure?')}</Dialog.Header>
          <Dialog.Body>
            <Typography>
              {removing ? `${roomsOf(removing)} · ${occurrenceLabel(removing.start, removing.end, locale)} · ${removing.reason}` : ''}
            </Typography>
            <Box paddingTop={2}>
              <Typography>{t('closures.removeHint', 'The rooms can be booked again at that time. Bookings and sessions it cancelled stay cancelled.')}</Typography>
            </Box>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('closures.keep', 'Keep it')}</Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button
                variant="danger"
                onClick={() => {
                  const closure = removing!;
                  setRemoving(null);
                  void onRemove(closure);
                }}
              >
                {t('closures.removeConfirm', 'Remove the closure')}
              </Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </>
  );
};
