import type { NotifyBy } from '../../../shared/notify-by';
import type { Translate } from './use-t';

/** How a resident asked to be told, in the staff's words: the line staff read before they ring or write. */
export const notifyByLabel = (notifyBy: NotifyBy, t: Translate): string =>
  ({
    email: t('notifyBy.email', 'by e-mail'),
    sms: t('notifyBy.sms', 'by text message (SMS)'),
    call: t('notifyBy.call', 'by a phone call from staff'),
  })[notifyBy];

/** "Tell by text message (SMS)": one line beside the contact details. */
export const tellByLine = (notifyBy: NotifyBy, t: Translate): string => t('notifyBy.line', 'Tell them {how}', { how: notifyByLabel(notifyBy, t) });
