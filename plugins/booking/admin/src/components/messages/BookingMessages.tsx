import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Box, Loader, Typography } from '@strapi/design-system';
import type { AboutKind, ListMessages, StaffMessage } from '../../../../shared/contracts/messages';
import { PLUGIN_ID } from '../../pluginId';
import { errorMessage } from '../../utils/fetch-error';
import { useT } from '../../utils/use-t';
import { MessageTable } from './MessageTable';

/** "消息记录 / Messages" of one reservation (its reference) or enrolment (its id): what was sent, how, and what came of it. */
export const BookingMessages = ({ about }: { about: { kind: AboutKind; id: string } }) => {
  const { t } = useT();
  const { get } = useFetchClient();
  const [messages, setMessages] = React.useState<StaffMessage[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    get(`/${PLUGIN_ID}/messages`, { params: { about: `${about.kind}:${about.id}` } })
      .then(({ data }) => live && setMessages((data as ListMessages.Response).data))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [get, about.kind, about.id]);

  return (
    <Box paddingTop={2} paddingBottom={2} data-messages-about={`${about.kind}:${about.id}`}>
      <Typography tag="h4" variant="delta">{t('messages.log', 'Messages')}</Typography>
      {error && <Typography textColor="danger600">{error}</Typography>}
      {!error && !messages && <Loader small>{t('messages.loading', 'Loading messages…')}</Loader>}
      {messages && messages.length === 0 && <Typography textColor="neutral600">{t('messages.noneAbout', 'No message has been sent about this yet.')}</Typography>}
      {messages && messages.length > 0 && <MessageTable messages={messages} />}
    </Box>
  );
};
