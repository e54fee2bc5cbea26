import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { AuditEntryView } from '../../../../shared/contracts/audit';
import { auditActionLabel, auditActorLabel, auditDetailsText, auditSubjectLabel } from '../../utils/audit-labels';
import { centreTime } from '../../utils/message-labels';
import { useT } from '../../utils/use-t';

/** The trail as the page lists it: when, who (and from where), what, on what, the details. Nothing here edits it. */
export const AuditTable = ({ entries }: { entries: AuditEntryView[] }) => {
  const { t } = useT();
  return (
    <Table colCount={5} rowCount={entries.length + 1}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('audit.when', 'When')}</Typography></Th>
          <Th><Typography variant="sigma">{t('audit.who', 'Who')}</Typography></Th>
          <Th><Typography variant="sigma">{t('audit.what', 'What')}</Typography></Th>
          <Th><Typography variant="sigma">{t('audit.subject', 'Subject')}</Typography></Th>
          <Th><Typography variant="sigma">{t('audit.details', 'Details')}</Typography></Th>
        </Tr>
      </Thead>
      <Tbody>
        {entries.map((e) => (
          <Tr key={e.id} data-audit-entry={e.id} data-action={e.action}>
            <Td><Typography>{centreTime(e.at)}</Typography></Td>
            <Td>
              <Typography tag="div">{auditActorLabel(e.actor, t)}</Typography>
              <Typography tag="div" textColor="neutral600">{[e.actor?.email, e.ip].filter(Boolean).join(' · ')}</Typography>
            </Td>
            <Td><Typography>{auditActionLabel(e.action, t)}</Typography></Td>
            <Td><Typography>{auditSubjectLabel(e.subject, t)}</Typography></Td>
            <Td><Typography textColor="neutral600" style={{ wordBreak: 'break-word' }}>{auditDetailsText(e.details)}</Typography></Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
