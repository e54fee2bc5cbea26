import { Box, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import type { RosterPerson } from '../../../../shared/contracts/session-roster';
import type { Mark } from '../../utils/attendance-marks';
import { useT } from '../../utils/use-t';
import { schoolGradeLabel } from '../../../../shared/school-grade';
import { Stepper } from './Stepper';
import { TouchButton } from './TouchButton';

interface PersonRowProps {
  person: RosterPerson;
  /** The line number on the printed sign-in sheet. */
  number: number;
  mark: Mark | undefined;
  onMark: (mark: Mark) => void;
  /** Entering a paper sheet's result: the buttons say signed / not signed. */
  paper: boolean;
  disabled: boolean;
  peopleError?: string;
}

const MAX_PARTY = 1000;

/** One person (or family) on the roster, with large present / absent buttons and, for a family marked present, how many of them came. */
export const PersonRow = ({ person, number, mark, onMark, paper, disabled, peopleError }: PersonRowProps) => {
  const { t, locale } = useT();
  const present = mark?.state === 'present';
  const absent = mark?.state === 'absent';
  const nameId = `person-${person.enrolment}`;
  return (
    <Box tag="li" data-enrolment={person.enrolment} data-mark={mark?.state ?? 'unmarked'} padding={4} background={present ? 'success100' : absent ? 'neutral100' : 'neutral0'} borderColor="neutral200" hasRadius>
      <Flex gap={4} alignItems="flex-start" justifyContent="space-between" wrap="wrap">
        <Flex gap={3} alignItems="flex-start">
          <Box minWidth="4rem" paddingTop={1}>
            <Typography variant="beta" textColor="neutral800">
              <VisuallyHidden>{t('attendance.sheetLine', 'Line on the sheet')} </VisuallyHidden>
              {number}
            </Typography>
          </Box>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography id={nameId} variant="beta" tag="h3">
              {person.child ? `${person.child.givenName} (${schoolGradeLabel(person.child.grade, locale.startsWith('zh') ? 'zh-CN' : 'en')})` : person.name}
            </Typography>
            {person.child ? (
              <>
                <Typography textColor="neutral600" data-guardian>
                  {t('privacy.guardianLine', 'Guardian: {name}', { name: person.name })}
                  {person.phone ? ` · ${person.phone}` : ''}
                </Typography>
                <Typography textColor="neutral800" fontWeight="bold" data-collectors>
                  {person.child.collectors.length > 0
                    ? t('privacy.collectorsLine', 'May also collect: {list}', { list: person.child.collectors.map((c) => `${c.name} ${c.phone}`).join(locale.startsWith('zh') ? '；' : '; ') })
                    : t('privacy.onlyGuardian', 'Only the guardian may collect this child')}
                </Typography>
              </>
            ) : (
              <Typography textColor="neutral600">
                {[t('attendance.party', '{n, plural, one {# person} other {# people}}', { n: person.people }), person.phone].filter(Boolean).join(' · ')}
              </Typography>
            )}
            {person.away && (
              // They said so with the link in their reminder: staff need not ring them.
              <Typography textColor="warning700" fontWeight="bold">
                {t('attendance.away', 'Said they cannot come to this session')}
              </Typography>
            )}
            {person.note && (
              // Children's classes: parents write the child and who collects them here.
              <Typography textColor="neutral800">
                {t('attendance.note', 'Note: {note}', { note: person.note })}
              </Typography>
            )}
          </Flex>
        </Flex>
        <Flex gap={2} role="group" aria-labelledby={nameId}>
          <TouchButton type="button" $wide $tone="success" $pressed={present} aria-pressed={present} disabled={disabled} onClick={() => !present && onMark({ state: 'present', people: person.people })}>
            {paper ? t('attendance.signed', 'Signed') : t('attendance.present', 'Present')}
          </TouchButton>
          <TouchButton type="button" $wide $tone="danger" $pressed={absent} aria-pressed={absent} disabled={disabled} onClick={() => onMark({ state: 'absent' })}>
            {paper ? t('attendance.notSigned', 'Not signed') : t('attendance.absent', 'Absent')}
          </TouchButton>
        </Flex>
      </Flex>
      {/* Only a family can come in part; someone bringing an extra guest counts them as a walk-in. */}
      {mark?.state === 'present' && person.people > 1 && (
        <Box paddingTop={3} paddingLeft={8}>
          <Stepper
            name={`people-${person.enrolment}`}
            label={t('attendance.presentPeople', 'People who came ({name})', { name: person.name })}
            value={String(mark.people)}
            onChange={(v) => onMark({ state: 'present', people: /^\d+$/.test(v) ? Math.min(MAX_PARTY, Math.max(1, Number(v))) : mark.people })}
            min={1}
            max={MAX_PARTY}
            decreaseLabel={t('attendance.fewerPeople', 'One fewer with {name}', { name: person.name })}
            increaseLabel={t('attendance.morePeople', 'One more with {name}', { name: person.name })}
            error={peopleError}
            disabled={disabled}
          />
        </Box>
      )}
    </Box>
  );
};
