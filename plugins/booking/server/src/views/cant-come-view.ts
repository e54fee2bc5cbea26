import type { ZonedInterval } from '../core/time/zoned-interval';

/**
 * What an "I can't come" link shows before and after the tap. The page opens for whoever holds the
 * link (a forwarded text message too), so the name is masked: enough for its owner to recognise.
 */
export interface CantComeView extends ZonedInterval {
  about: 'reservation' | 'enrolment';
  /** What the tap does: cancel this one reserved date, cancel this enrolment (one session), or keep a term's place and be away once. */
  effect: 'cancel-date' | 'cancel-enrolment' | 'away';
  /** The room's name or the activity's title, in the person's language. */
  what: string;
  name: string;
  language: 'zh-CN' | 'en';
  /** open: the tap still does something; cancelled / away: it was done; started: too late. */
  state: 'open' | 'cancelled' | 'away' | 'started';
}

/** The first character of each word, the rest starred: 张** , W*** L*. */
export const maskName = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const [first, ...rest] = Array.from(word);
      return (first ?? '') + '*'.repeat(Math.min(rest.length, 3));
    })
    .join(' ');
