import { Box, Typography } from '@strapi/design-system';
import type * as React from 'react';
import type { BoardItem } from '../../../../shared/contracts/board';
import { clockOf } from '../../utils/board-layout';
import type { Translate } from '../../utils/use-t';
import { countLabel, kindLabel } from './item-text';

/** Each kind's colours (background, border) and border style; the text says the kind too. */
const LOOK: Record<string, { background: string; border: string; style: 'solid' | 'dashed' | 'dotted' }> = {
  session: { background: 'primary100', border: 'primary600', style: 'solid' },
  confirmed: { background: 'success100', border: 'success600', style: 'solid' },
  pending: { background: 'warning100', border: 'warning600', style: 'dashed' },
  closure: { background: 'danger100', border: 'danger600', style: 'solid' },
  buffer: { background: 'neutral150', border: 'neutral500', style: 'dotted' },
};

export const lookOf = (item: BoardItem) => LOOK[item.kind === 'reservation' ? (item.status === 'pending' ? 'pending' : 'confirmed') : item.kind];

interface Props {
  item: BoardItem;
  tz: string;
  t: Translate;
  compact?: boolean;
  style?: React.CSSProperties;
  onOpen(item: BoardItem): void;
}

/** One item on the board: a button coloured by kind, saying (as its name, too) its kind, time, what, who for and how many. */
export const ItemBlock = ({ item, tz, t, compact, style, onOpen }: Props) => {
  const look = lookOf(item);
  const time = `${clockOf(item.start, tz)}–${clockOf(item.end, tz)}`;
  const details = [item.who, countLabel(item, t)].filter(Boolean).join(' · ');
  const name = [kindLabel(item, t), time, item.label, details].filter(Boolean).join(' · ');
  return (
    <Box
      tag="button"
      type="button"
      data-kind={item.kind}
      data-status={item.status}
      data-reference={item.ids.reference}
      data-session={item.ids.session}
      title={name}
      onClick={() => onOpen(item)}
      background={look.background}
      borderColor={look.border}
      borderStyle={look.style}
      borderWidth="1px"
      hasRadius
      padding={1}
      textAlign="left"
      cursor="pointer"
      overflow="hidden"
      minWidth={0}
      style={{ ...style, borderLeftWidth: '4px' }}
    >
      {compact ? (
        <Typography variant="pi" ellipsis display="block">
          <Typography variant="pi" fontWeight="bold">{time}</Typography> {kindLabel(item, t)}{item.label ? ` · ${item.label}` : ''}{details ? ` · ${details}` : ''}
        </Typography>
      ) : (
        <>
          <Typography variant="pi" textColor="neutral800" ellipsis display="block">{kindLabel(item, t)} · {time}</Typography>
          {item.label && <Typography variant="omega" fontWeight="bold" ellipsis display="block">{item.label}</Typography>}
          {details && <Typography variant="pi" textColor="neutral800" ellipsis display="block">{details}</Typography>}
        </>
      )}
    </Box>
  );
};
