import * as React from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { ListMessages, RetryMessage, StaffMessage } from '../../../shared/contracts/messages';
import { MessageTable } from '../components/messages/MessageTable';
import { PAGE_PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from '../utils/fetch-error';
import { useT } from '../utils/use-t';

type Filter = 'failures' | 'all';

/** "消息 / Messages": what could not be sent (and what is being retried) first, to send again; then everything lately sent. */
const MessagesPage = () => {
  const { t } = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [filter, setFilter] = React.useState<Filter>('failures');
  const [answer, setAnswer] = React.useState<ListMessages.Response | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [busy, setBusy] = React.useState<number | null>(null);

  const load = React.useCallback(async () => {
    try {
      const { data } = (await get(`/${PLUGIN_ID}/messages`, { params: filter === 'failures' ? { state: 'failed,retrying' } : {} })) as { data: ListMessages.Response };
      setAnswer(data);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [get, filter]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const retry = async (message: StaffMessage) => {
    setBusy(message.id);
    try {
      (await post(`/${PLUGIN_ID}/messages/${message.id}/retry`, {})) as { data: RetryMessage.Response };
      toggleNotification({
        type: 'success',
        message: message.channel === 'call' ? t('messages.retriedCall', '{name} is back on the call list.', { name: message.name }) : t('messages.retried', 'The message to {name} is being sent again.', { name: message.name }),
      });
      await load();
    } catch (error: unknown) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      await load();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('messages.title', 'Messages')}</Page.Title>
      <Layouts.Header title={t('messages.title', 'Messages')} subtitle={t('messages.subtitle', 'Every e-mail, text message and call to residents: what failed comes first, to send again.')} />
      <Layouts.Content>
        <Flex gap={2} marginBottom={4} role="group" aria-label={t('messages.filter', 'Show')}>
          {(['failures', 'all'] as const).map((f) => (
            <Button key={f} variant={f === filter ? 'default' : 'tertiary'} aria-pressed={f === filter} onClick={() => setFilter(f)}>
              {f === 'failures' ? t('messages.filter.failures', 'Failed and retrying') : t('messages.filter.all', 'All messages')}
            </Button>
          ))}
        </Flex>
        {failed && <Page.Error />}
        {!failed && !answer && <Page.Loading />}
        {answer && answer.data.length === 0 && (
          <Box padding={6} background="neutral0" hasRadius>
            <Typography>{filter === 'failures' ? t('messages.noFailures', 'Nothing has failed.') : t('messages.none', 'No messages yet.')}</Typography>
          </Box>
        )}
        {answer && answer.data.length > 0 && <MessageTable messages={answer.data} showAbout onRetry={(m) => void retry(m)} busyId={busy} />}
        {answer?.meta.capped && (
          <Typography tag="p" textColor="neutral600">{t('messages.capped', 'Only the latest {limit} are shown.', { limit: answer.meta.limit })}</Typography>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/** Staff holding either front desk permission; each sees the messages about the bookings their role covers. */
const ProtectedMessagesPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.messages}>
    <MessagesPage />
  </Page.Protect>
);

export default ProtectedMessagesPage;
