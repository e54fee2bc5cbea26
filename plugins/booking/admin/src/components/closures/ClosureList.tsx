import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { StaffClosure } from '../../../../shared/contracts/closures';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { useT } from '../../utils/use-t';

/** Closures as a table: rooms (or all), from–to on the centre's clock, the reason in both languages. */
export const ClosureList = ({ closures, past }: { closures: StaffClosure[]; past: boolean }) => {
  const { t, locale } = useT();
  if (closures.length === 0) {
    return (
      <Box padding={4} background="neutral0" hasRadius>
        <Typography>{past ? t('closures.nonePast', 'No past closures.') : t('closures.noneUpcoming', 'No closures coming up.')}</Typography>
      </Box>
    );
  }
  return (
    <Table colCount={3} rowCount={closures.length + 1}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('closures.rooms.column', 'Rooms')}</Typography></Th>
          <Th><Typography variant="sigma">{t('closures.when', 'When')}</Typography></Th>
          <Th><Typography variant="sigma">{t('closures.reason.column', 'Reason')}</Typography></Th>
        </Tr>
      </Thead>
      <Tbody>
        {closures.map((c) => (
          <Tr key={c.id}>
            <Td><Typography>{c.allRooms ? t('closures.allRoomsShort', 'All rooms') : c.rooms.map((r) => r.name).join('、')}</Typography></Td>
            <Td><Typography>{occurrenceLabel(c.start, c.end, locale)}</Typography></Td>
            <Td>
              <Typography>
                {c.reason}
                {c.reasonEn && c.reasonEn !== c.reason ? ` / ${c.reasonEn}` : ''}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
