import * as React from 'react';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, LinkButton, Modal, Textarea, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { BoardItem, BoardRoom } from '../../../../shared/contracts/board';
import { PAGE_PERMISSIONS } from '../../permissions';
import { PLUGIN_ID } from '../../pluginId';
import { errorMessage } from '../../utils/fetch-error';
import { notifyByLabel } from '../../utils/notify-by-label';
import { occurrenceLabel } from '../../utils/occurrence-label';
import type { Translate } from '../../utils/use-t';
import { countLabel, kindLabel } from './item-text';

interface Props {
  item: BoardItem | null;
  room: BoardRoom | undefined;
  locale: string;
  t: Translate;
  onClose(): void;
  /** After a decision: the board reloads. */
  onChanged(): void;
}

const Line = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex gap={2} alignItems="baseline">
    <Box minWidth="7rem">
      <Typography variant="sigma" textColor="neutral600">{label}</Typography>
    </Box>
    <Typography>{children}</Typography>
  </Flex>
);

/** An item's details and what staff can do with it: decide a request, open a session's desk pages, or the closures. */
export const ItemDetails = ({ item, room, locale, t, onClose, onChanged }: Props) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [rejecting, setRejecting] = React.useState(false);
  // Deciding requests is for staff who manage reservations; activities staff only see them.
  const canDecide = Boolean(useRBAC(PAGE_PERMISSIONS.requests).allowedActions.canManage);
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    setRejecting(false);
    setReason('');
  }, [item]);

  const decide = async (action: 'approve' | 'reject') => {
    if (!item?.ids.reference) return;
    setBusy(true);
    try {
      await post(`/${PLUGIN_ID}/reservations/${item.ids.reference}/${action}`, action === 'reject' ? { data: { reason: reason.trim() } } : {});
      toggleNotification({
        type: 'success',
        message: action === 'approve' ? t('reservations.approved', '{reference} approved; the requester is told', { reference: item.ids.reference }) : t('reservations.rejected', '{reference} rejected; the requester is told', { reference: item.ids.reference }),
      });
      onChanged();
      onClose();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const sessionQuery = item?.ids.session ? `?session=${encodeURIComponent(item.ids.session)}` : '';

  return (
    <Modal.Root open={item !== null} onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        {item && (
          <>
            <Modal.Header closeLabel={t('board.close', 'Close')}>
              <Modal.Title>{item.label || kindLabel(item, t)}</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Flex direction="column" alignItems="stretch" gap={3} data-board-details={item.kind}>
                <Line label={t('board.details.kind', 'What')}>{kindLabel(item, t)}</Line>
                <Line label={t('board.details.when', 'When')}>{occurrenceLabel(item.start, item.end, locale)}</Line>
                <Line label={t('board.room', 'Room')}>{room?.name ?? '—'}</Line>
                {item.who && <Line label={t('board.details.who', 'Who for')}>{item.who}</Line>}
                {countLabel(item, t) && <Line label={t('board.details.count', 'How many')}>{countLabel(item, t)}</Line>}
                {item.ids.reference && <Line label={t('reservations.reference', 'Reference')}>{item.ids.reference}</Line>}
                {item.contact && (
                  <Line label={t('board.details.contact', 'Contact')}>
                    {[item.contact.name, item.contact.phone, item.contact.email].filter(Boolean).join(' · ')}
                  </Line>
                )}
                {item.contact && <Line label={t('board.details.notifyBy', 'Tell them')}>{notifyByLabel(item.contact.notifyBy, t)}</Line>}
                {item.source && <Line label={t('board.details.source', 'Made by')}>{item.source === 'staff' ? t('board.source.staff', 'Staff, for a caller') : t('board.source.public', 'The requester, online')}</Line>}
                {item.overrideReason && <Line label={t('board.details.override', 'Rule waived because')}>{item.overrideReason}</Line>}
                {rejecting && (
                  <Field.Root name="reason" required hint={t('reservations.reasonHint', 'The requester reads this in the e-mail.')}>
                    <Field.Label>{t('reservations.reason', 'Reason')}</Field.Label>
                    <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
                    <Field.Hint />
                  </Field.Root>
                )}
              </Flex>
            </Modal.Body>
            <Modal.Footer>
              <Modal.Close>
                <Button variant="tertiary">{t('board.close', 'Close')}</Button>
              </Modal.Close>
              <Flex gap={2}>
                {canDecide && item.kind === 'reservation' && item.status === 'pending' && !rejecting && (
                  <>
                    <Button variant="danger-light" onClick={() => setRejecting(true)} disabled={busy}>{t('reservations.reject', 'Reject')}</Button>
                    <Button onClick={() => void decide('approve')} loading={busy}>{t('reservations.approve', 'Approve')}</Button>
                  </>
                )}
                {rejecting && (
                  <Button variant="danger" disabled={reason.trim() === ''} loading={busy} onClick={() => void decide('reject')}>
                    {t('reservations.confirmReject', 'Reject and tell them')}
                  </Button>
                )}
                {item.kind === 'session' && (
                  <>
                    <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}/activities${sessionQuery}`} variant="secondary">{t('board.toActivities', 'Activities desk')}</LinkButton>
                    <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}/attendance${sessionQuery}`}>{t('board.toAttendance', 'Attendance')}</LinkButton>
                  </>
                )}
                {item.kind === 'closure' && (
                  <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}/closures`}>{t('board.toClosures', 'Closures')}</LinkButton>
                )}
              </Flex>
            </Modal.Footer>
          </>
        )}
      </Modal.Content>
    </Modal.Root>
  );
};
