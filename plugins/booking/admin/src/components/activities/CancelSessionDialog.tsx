import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Dialog, Field, Textarea, Typography } from '@strapi/design-system';
import type { DeskSession } from '../../../../shared/contracts/activities';
import { PLUGIN_ID } from '../../pluginId';
import { errorMessage, fieldErrors } from '../../utils/fetch-error';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { useT } from '../../utils/use-t';

interface Props {
  session: DeskSession | null;
  title: string;
  onClose(): void;
  onDone(): Promise<void>;
}

const MAX_REASON = 200;

/** Calls one session off with a reason, which everyone enrolled reads in the mail. */
const CancelSessionDialog = ({ session, title, onClose, onDone }: Props) => {
  const { t, locale } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [reason, setReason] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    setReason('');
    setError(null);
  }, [session?.id]);

  const submit = async () => {
    if (!session) return;
    const text = reason.trim();
    if (text === '') return setError(t('activities.error.reasonRequired', 'Give a reason: everyone enrolled reads it.'));
    if (text.length > MAX_REASON) return setError(t('activities.error.reasonTooLong', 'The reason may have at most {max} characters.', { max: MAX_REASON }));
    setBusy(true);
    try {
      const { data } = (await post(`/${PLUGIN_ID}/sessions/${session.id}/cancel`, { data: { reason: text } })) as { data: { data: { notified: number } } };
      toggleNotification({ type: 'success', message: t('activities.sessionCancelled', 'Session cancelled; {n} people told by e-mail.', { n: data.data.notified }) });
      onClose();
      await onDone();
    } catch (e: unknown) {
      const byField = fieldErrors(e);
      setError(
        byField.reason
          ? t('activities.error.reasonRequired', 'Give a reason: everyone enrolled reads it.')
          : byField.session
            ? t('activities.error.sessionGone', 'This session is already cancelled or has begun.')
            : errorMessage(e)
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={session !== null} onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('activities.cancelSessionTitle', 'Cancel this session')}</Dialog.Header>
        <Dialog.Body>
          <Box width="100%">
            <Typography tag="p">{session ? `${title} · ${occurrenceLabel(session.start, session.end, locale)}` : ''}</Typography>
            <Box marginTop={4}>
              <Field.Root name="reason" required error={error ?? undefined} hint={t('activities.reasonHint', 'Everyone enrolled is told by e-mail, with this reason.')}>
                <Field.Label>{t('activities.reason', 'Reason')}</Field.Label>
                <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
                <Field.Error />
                <Field.Hint />
              </Field.Root>
            </Box>
          </Box>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('activities.keepSession', 'Keep the session')}</Button>
          </Dialog.Cancel>
          <Button variant="danger" loading={busy} onClick={() => void submit()}>
            {t('activities.confirmCancelSession', 'Cancel it and tell everyone')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

export default CancelSessionDialog;
