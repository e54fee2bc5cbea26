import { Box, Flex, Typography } from '@strapi/design-system';
import type { Translate } from '../../utils/use-t';

const KEYS = [
  { key: 'session', background: 'primary100', border: 'primary600', style: 'solid', label: ['board.kind.session', 'Activity'] },
  { key: 'confirmed', background: 'success100', border: 'success600', style: 'solid', label: ['board.kind.confirmed', 'Booking'] },
  { key: 'pending', background: 'warning100', border: 'warning600', style: 'dashed', label: ['board.kind.pending', 'Request (pending)'] },
  { key: 'closure', background: 'danger100', border: 'danger600', style: 'solid', label: ['board.kind.closure', 'Closed'] },
  { key: 'buffer', background: 'neutral150', border: 'neutral500', style: 'dotted', label: ['board.kind.buffer', 'Buffer'] },
  { key: 'free', background: 'neutral0', border: 'neutral300', style: 'dashed', label: ['board.free', 'Free'] },
] as const;

/** What the colours mean (each block also says its kind in words). */
export const Legend = ({ t }: { t: Translate }) => (
  <Flex gap={3} wrap="wrap" tag="ul" aria-label={t('board.legend', 'Legend')}>
    {KEYS.map((k) => (
      <Flex key={k.key} gap={1} tag="li" alignItems="center">
        <Box width="1.25rem" height="1rem" background={k.background} borderColor={k.border} borderStyle={k.style} borderWidth="1px" hasRadius style={{ borderLeftWidth: '4px' }} />
        <Typography variant="pi">{t(k.label[0], k.label[1])}</Typography>
      </Flex>
    ))}
  </Flex>
);
