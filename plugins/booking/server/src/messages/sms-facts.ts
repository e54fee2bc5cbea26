import type { MessageKind } from './message-kind';

/** What a text message says, as the resident reads it; sms-texts.ts makes the template's parameters of it. */
export interface SmsFacts {
  kind: MessageKind;
  language: 'zh-CN' | 'en';
  name: string;
  /** The room's name or the activity's title. */
  what: string;
  /** The date and time, already formatted on the centre's clock. */
  when: string;
  reference?: string;
  /** The manage link, or for a reminder the "I can't come" link. */
  link?: string;
}
