/**
 * <cant-come>: the page a reminder's "我去不了 / I can't come" link opens (#code=…). It shows what
 * the code cancels (a GET, which changes nothing: text-message apps open links to preview them) and
 * one button; the tap is the only POST. The code goes in the X-Cant-Come-Code header and leaves the
 * address bar at once, as a manage link's token does.
 */
import { cantComeWords, type CantComeWords } from '../i18n/cant-come-strings';
import { bookingWords } from '../i18n/booking-strings';
import { getJson, postJson, type ApiAnswer } from './api';
import { h, pageLocale } from './form-kit';
import { hhmm, isoDateOf, weekdayIndex } from './zoned-time';

interface CantComeView {
  about: 'reservation' | 'enrolment';
  effect: 'cancel-date' | 'cancel-enrolment' | 'away';
  what: string;
  start: string;
  end: string;
  name: string;
  state: 'open' | 'cancelled' | 'away' | 'started';
  already?: boolean;
}

const CODE = /^[A-Za-z0-9]{4,40}$/;
const STORE = 'linli-cant-come';

const readCode = (): string | null => {
  const inUrl = new URLSearchParams(location.hash.slice(1)).get('code');
  if (inUrl) {
    history.replaceState(history.state, '', location.pathname);
    try {
      sessionStorage.setItem(STORE, inUrl);
    } catch {
      // storage off: a reload will need the link again
    }
    return inUrl;
  }
  try {
    return sessionStorage.getItem(STORE);
  } catch {
    return null;
  }
};

class CantCome extends HTMLElement {
  private locale = pageLocale();
  private words = cantComeWords(this.locale);
  private out!: HTMLElement;

  connectedCallback() {
    this.out = this.querySelector<HTMLElement>('[data-view]')!;
    const code = readCode();
    if (code && CODE.test(code)) void this.load(code);
    else this.say((w) => w.missing);
  }

  private get api() {
    return this.dataset.api ?? '';
  }

  /** A message in both languages, the page's first. */
  private lines(pick: (w: CantComeWords) => string, cls = 'message'): HTMLElement {
    return h('div', { class: cls }, ...this.words.map((w, i) => h('p', { lang: i === 0 ? this.locale : this.locale === 'en' ? 'zh-CN' : 'en' }, pick(w))));
  }

  private say(pick: (w: CantComeWords) => string) {
    const phone = this.dataset.phone;
    this.out.replaceChildren(this.lines(pick, 'message problem'), phone ? this.lines((w) => w.callUs(phone)) : '');
  }

  private failed(answer: ApiAnswer<unknown>) {
    if (answer.ok) return;
    const code = answer.details.code;
    if (answer.status === 404) this.say((w) => (code === 'link_expired' ? w.expired : w.unknown));
    else if (answer.status === 409 && code === 'already_started') this.say((w) => w.started);
    else if (answer.status === 400) this.say((w) => w.missing);
    else if (answer.status === 429) this.say((w) => w.tooMany);
    else this.say((w) => w.networkError);
  }

  private when(view: CantComeView, locale: 'zh-CN' | 'en') {
    const b = bookingWords(locale);
    const date = isoDateOf(view.start);
    return `${b.date(date, b.weekdays[weekdayIndex(date)])} ${b.range(hhmm(view.start), hhmm(view.end))}`;
  }

  private facts(view: CantComeView): HTMLElement {
    const other = this.locale === 'en' ? 'zh-CN' : 'en';
    const both = (pick: (w: CantComeWords) => string) => this.words.map(pick).join(' / ');
    return h(
      'dl',
      { class: 'facts' },
      h('dt', {}, both((w) => w.labels.what)),
      h('dd', { class: 'what' }, view.what),
      h('dt', {}, both((w) => w.labels.when)),
      h('dd', { class: 'when' }, h('span', {}, this.when(view, this.locale)), h('br'), h('span', { lang: other }, this.when(view, other))),
      h('dt', {}, both((w) => w.labels.name)),
      h('dd', {}, view.name)
    );
  }

  /** What the answer says happened (or had happened before this visit). */
  private done(view: CantComeView): (w: CantComeWords) => string {
    if (view.state === 'started') return (w) => w.started;
    if (view.state === 'away') return (w) => w.away;
    if (view.already) return (w) => w.already;
    return (w) => (view.effect === 'cancel-date' ? w.cancelledDate : w.cancelledEnrolment);
  }

  private async load(code: string) {
    const answer = await getJson<CantComeView>(`${this.api}/api/booking/cant-come`, { 'x-cant-come-code': code });
    if (!answer.ok) return this.failed(answer);
    const view = answer.data;
    if (view.state !== 'open') {
      this.out.replaceChildren(this.facts(view), this.lines(this.done({ ...view, already: true }), 'message result'));
      return;
    }
    const effect = view.effect === 'cancel-date' ? (w: CantComeWords) => w.willCancelDate : view.effect === 'away' ? (w: CantComeWords) => w.willBeAway : (w: CantComeWords) => w.willCancelEnrolment;
    const button = h('button', { type: 'button', class: 'button big' }, this.words.map((w) => w.button).join(' / '));
    button.addEventListener('click', async () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      button.setAttribute('aria-disabled', 'true');
      const tapped = await postJson<CantComeView>(`${this.api}/api/booking/cant-come`, undefined, undefined, { 'x-cant-come-code': code });
      if (!tapped.ok) return this.failed(tapped);
      const result = this.lines(this.done(tapped.data), 'message result');
      result.setAttribute('tabindex', '-1');
      this.out.replaceChildren(this.facts(tapped.data), result);
      result.focus();
    });
    this.out.replaceChildren(this.facts(view), this.lines(effect), button);
  }
}

customElements.define('cant-come', CantCome);
