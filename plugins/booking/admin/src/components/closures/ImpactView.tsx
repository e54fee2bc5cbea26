import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ClosureImpact, MessagePreview } from '../../../../shared/contracts/closures';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { useT } from '../../utils/use-t';

const Heading = ({ children }: { children: string }) => (
  <Typography tag="h3" variant="delta">
    {children}
  </Typography>
);

/**
 * What a closure falls on (before saving) or cancelled (after): reservation dates, sessions, the
 * people to tell, those to phone, and the mail they get.
 */
export const ImpactView = ({ impact, done }: { impact: ClosureImpact; done: boolean }) => {
  const { t, locale } = useT();
  const when = (i: { start: string; end: string }) => occurrenceLabel(i.start, i.end, locale);
  const kind = (k: 'reservation' | 'enrolment') => (k === 'reservation' ? t('closures.people.reservation', 'Booking') : t('closures.people.enrolment', 'Enrolled'));
  const audience = (m: MessagePreview) =>
    `${m.audience === 'reservation' ? t('closures.message.reservation', 'To people with a booking') : t('closures.message.enrolment', 'To people enrolled')} · ${m.language === 'zh-CN' ? '中文' : 'English'}`;
  const nothing = impact.reservations.length === 0 && impact.sessions.length === 0;

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid={done ? 'closure-result' : 'closure-preview'}>
      {nothing && <Typography>{done ? t('closures.result.nothing', 'Nothing needed cancelling.') : t('closures.preview.nothing', 'No reservation or session falls in this closure.')}</Typography>}

      {impact.reservations.length > 0 && (
        <section aria-label={t('closures.reservations', 'Reservations')}>
          <Heading>{done ? t('closures.result.reservations', 'Reservations cancelled ({n})', { n: impact.reservations.length }) : t('closures.preview.reservations', 'Reservations ({n})', { n: impact.reservations.length })}</Heading>
          <Table colCount={4} rowCount={impact.reservations.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('closures.reference', 'Reference')}</Typography></Th>
                <Th><Typography variant="sigma">{t('closures.room', 'Room')}</Typography></Th>
                <Th><Typography variant="sigma">{t('closures.when', 'When')}</Typography></Th>
                <Th><Typography variant="sigma">{t('closures.contact', 'Contact')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {impact.reservations.map((r) => (
                <Tr key={`${r.reference}-${r.start}`}>
                  <Td><Typography fontWeight="bold">{r.reference}</Typography></Td>
                  <Td><Typography>{r.room}</Typography></Td>
                  <Td><Typography>{when(r)}</Typography></Td>
                  <Td><Typography>{[r.contactName, r.phone, r.email].filter(Boolean).join(' · ')}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </section>
      )}

      {impact.sessions.length > 0 && (
        <section aria-label={t('closures.sessions', 'Sessions')}>
          <Heading>{done ? t('closures.result.sessions', 'Sessions cancelled ({n})', { n: impact.sessions.length }) : t('closures.preview.sessions', 'Course and event sessions ({n})', { n: impact.sessions.length })}</Heading>
          <Table colCount={4} rowCount={impact.sessions.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('closures.activity', 'Activity')}</Typography></Th>
                <Th><Typography variant="sigma">{t('closures.room', 'Room')}</Typography></Th>
                <Th><Typography variant="sigma">{t('closures.when', 'When')}</Typography></Th>
                <Th><Typography variant="sigma">{t('closures.enrolled', 'Enrolled')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {impact.sessions.map((s) => (
                <Tr key={s.id}>
                  <Td><Typography fontWeight="bold">{s.activity}</Typography></Td>
                  <Td><Typography>{s.room ?? '—'}</Typography></Td>
                  <Td><Typography>{when(s)}</Typography></Td>
                  <Td><Typography>{t('closures.enrolledCount', '{n} enrolled', { n: s.enrolled })}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </section>
      )}

      {impact.people.all.length > 0 && (
        <section aria-label={t('closures.people', 'People')}>
          <Heading>
            {done
              ? t('closures.result.people', '{told} told by e-mail; {phone} to phone', { told: impact.people.withEmail, phone: impact.people.phoneOnly.length })
              : t('closures.preview.people', '{all} people: {email} with e-mail, {phone} to phone', { all: impact.people.all.length, email: impact.people.withEmail, phone: impact.people.phoneOnly.length })}
          </Heading>
          {impact.people.phoneOnly.length > 0 && (
            <Box paddingTop={2}>
              <Typography fontWeight="semiBold">{t('closures.phoneOnly', 'No e-mail: please phone them')}</Typography>
              <ul aria-label={t('closures.phoneOnly', 'No e-mail: please phone them')} data-testid="phone-only">
                {impact.people.phoneOnly.map((p) => (
                  <li key={`${p.kind}-${p.name}-${p.about}`}>
                    <Typography>
                      {p.name} · {p.phone ?? '—'} · {kind(p.kind)}: {p.about}
                    </Typography>
                  </li>
                ))}
              </ul>
            </Box>
          )}
        </section>
      )}

      {impact.messages.length > 0 && (
        <section aria-label={t('closures.messages', 'The message people receive')}>
          <Heading>{done ? t('closures.result.messages', 'The message sent') : t('closures.preview.messages', 'The message people will receive')}</Heading>
          <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
            {impact.messages.map((m) => (
              <Box key={`${m.audience}-${m.language}`} padding={3} background="neutral100" hasRadius lang={m.language} data-testid="message-preview">
                <Typography variant="pi" textColor="neutral600">{audience(m)}</Typography>
                <Typography tag="p" fontWeight="bold">{m.subject}</Typography>
                <Typography tag="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{m.text}</Typography>
              </Box>
            ))}
          </Flex>
        </section>
      )}
    </Flex>
  );
};
