import { Badge, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import type { StaffMessage } from '../../../../shared/contracts/messages';
import { centreTime, channelLabel, messageKindLabel, stateLabel, stateTone } from '../../utils/message-labels';
import { useT } from '../../utils/use-t';

interface Props {
  messages: StaffMessage[];
  /** Show the booking each message is about (the failures page; a booking's own log leaves it out). */
  showAbout?: boolean;
  /** Offered beside a failed message: send it again. */
  onRetry?: (message: StaffMessage) => void;
  busyId?: number | null;
}

/** Messages as the delivery log shows them: what, how, to whom (masked), state, attempts, the provider's last answer, when. */
export const MessageTable = ({ messages, showAbout = false, onRetry, busyId }: Props) => {
  const { t } = useT();
  const columns = 6 + (showAbout ? 1 : 0) + (onRetry ? 1 : 0);
  return (
    <Table colCount={columns} rowCount={messages.length + 1}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('messages.what', 'Message')}</Typography></Th>
          {showAbout && <Th><Typography variant="sigma">{t('messages.about', 'About')}</Typography></Th>}
          <Th><Typography variant="sigma">{t('messages.to', 'To')}</Typography></Th>
          <Th><Typography variant="sigma">{t('messages.state', 'State')}</Typography></Th>
          <Th><Typography variant="sigma">{t('messages.attempts', 'Attempts')}</Typography></Th>
          <Th><Typography variant="sigma">{t('messages.answer', 'Last answer')}</Typography></Th>
          <Th><Typography variant="sigma">{t('messages.times', 'Written / sent')}</Typography></Th>
          {onRetry && <Th><VisuallyHidden>{t('messages.actions', 'Actions')}</VisuallyHidden></Th>}
        </Tr>
      </Thead>
      <Tbody>
        {messages.map((m) => (
          <Tr key={m.id} data-message={m.id} data-state={m.state}>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography fontWeight="bold">{messageKindLabel(m.kind, t)}</Typography>
                <Typography textColor="neutral600">{channelLabel(m.channel, t)}</Typography>
              </Flex>
            </Td>
            {showAbout && (
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography>{m.about.kind === 'reservation' ? m.about.id : t('messages.enrolment', 'Enrolment')}</Typography>
                  <Typography textColor="neutral600">{m.summary}</Typography>
                </Flex>
              </Td>
            )}
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography>{m.name}</Typography>
                <Typography textColor="neutral600">{m.recipient || '—'}</Typography>
              </Flex>
            </Td>
            <Td><Badge backgroundColor={`${stateTone(m.state)}100`} textColor={`${stateTone(m.state)}700`}>{stateLabel(m.state, m.channel, t)}</Badge></Td>
            <Td><Typography>{m.attempts}</Typography></Td>
            <Td>
              <Typography textColor="neutral600" style={{ wordBreak: 'break-word' }}>
                {[m.lastAnswer, m.handledBy ? t('messages.handledBy', 'by {name}', { name: m.handledBy }) : null].filter(Boolean).join(' · ') || '—'}
              </Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography>{centreTime(m.createdAt)}</Typography>
                {m.sentAt && <Typography textColor="success700">{centreTime(m.sentAt)}</Typography>}
              </Flex>
            </Td>
            {onRetry && (
              <Td>
                {m.state === 'failed' && (
                  <Button variant="secondary" loading={busyId === m.id} onClick={() => onRetry(m)}>
                    {m.channel === 'call' ? t('messages.retryCall', 'Ring again') : t('messages.retry', 'Send again')}
                  </Button>
                )}
              </Td>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
