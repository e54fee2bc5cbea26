import type { MessageKind } from './message-kind';
import type { MessageLanguage } from './rendering';

/** What a text message says, in the words the resident reads: `messages/sms-texts.ts` turns it into a template's parameters. */
export interface SmsFacts {
  kind: MessageKind;
  language: MessageLanguage;
  name: string;
  /** The room's name or the activity's title. */
  what: string;
  /** The date and time as the resident reads it, already formatted on the centre's clock. */
  when: string;
  reference?: string;
  /** The manage link or, for a reminder, the "I can't come" link. */
  link?: string;
}
