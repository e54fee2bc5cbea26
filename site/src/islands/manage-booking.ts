/**
 * <manage-booking>: opens the reservation (#token=…) or enrolment (#enrolment=…) of a manage
 * link, shows its status, and cancels it: one date of a series, or all of it. The token goes to
 * the CMS in the X-Manage-Token header, never in a URL a server could log.
 */
import { bookingWords } from '../i18n/booking-strings';
import { getJson, postJson, type ApiAnswer } from './api';
import { h, pageLocale } from './form-kit';
import { hhmm, isoDateOf, weekdayIndex } from './zoned-time';

interface Occurrence { start: string; end: string; status: string }
interface ReservationView {
  reference: string;
  status: string;
  room: { slug: string; name: string } | null;
  purpose: string;
  organization: string | null;
  attendees: number;
  rejectionReason: string | null;
  notifyBy?: string;
  occurrences: Occurrence[];
}
interface EnrolmentView {
  status: string;
  position: number | null;
  people: number;
  notifyBy?: string;
  activity: { kind: 'course' | 'event'; slug: string | null; title: string | null };
  session: { start: string; end: string } | null;
}

const HOLDING = ['pending', 'confirmed'];
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
/** This tab's copy of the link once it has left the address bar, so a reload still opens it. */
const STORE = 'linli-manage-link';

interface ManageLink { kind: 'reservation' | 'enrolment'; token: string }

const linkIn = (params: URLSearchParams): ManageLink | null => {
  const token = params.get('token');
  const enrolment = params.get('enrolment');
  if (token) return { kind: 'reservation', token };
  if (enrolment) return { kind: 'enrolment', token: enrolment };
  return null;
};

const stored = (): ManageLink | null => {
  try {
    const link = JSON.parse(sessionStorage.getItem(STORE) ?? 'null') as ManageLink | null;
    return link && (link.kind === 'reservation' || link.kind === 'enrolment') && TOKEN.test(link.token) ? link : null;
  } catch {
    return null; // storage off or garbled: the link must be opened again
  }
};

const keep = (link: ManageLink | null) => {
  try {
    if (link) sessionStorage.setItem(STORE, JSON.stringify(link));
    else sessionStorage.removeItem(STORE);
  } catch {
    // storage off: a reload will need the link again
  }
};

/**
 * The link the page was opened with: in the fragment (#token=…, as links are sent), or in the query
 * string of a link mailed by an older version. It is taken out of the address bar at once, so it
 * stays out of the history, bookmarks, screenshots and a URL shared by mistake; this tab keeps it
 * in sessionStorage for a reload and the cancel.
 */
const readLink = (): ManageLink | null => {
  const inUrl = linkIn(new URLSearchParams(location.hash.slice(1))) ?? linkIn(new URLSearchParams(location.search));
  if (!inUrl) return stored();
  history.replaceState(history.state, '', location.pathname);
  keep(TOKEN.test(inUrl.token) ? inUrl : null);
  return inUrl;
};

class ManageBooking extends HTMLElement {
  private words = bookingWords(pageLocale());
  private out!: HTMLElement;
  private status!: HTMLElement;

  connectedCallback() {
    this.out = this.querySelector<HTMLElement>('[data-view]')!;
    this.status = this.querySelector<HTMLElement>('[data-status]')!;
    this.open();
    // Another link opened in this tab while the page is showing changes only the fragment.
    window.addEventListener('hashchange', () => this.open());
  }

  private open() {
    const link = readLink();
    if (link && TOKEN.test(link.token)) void (link.kind === 'reservation' ? this.loadReservation(link.token) : this.loadEnrolment(link.token));
    else this.problem(this.words.manageMissing);
  }

  private get api() {
    return this.dataset.api ?? '';
  }

  private byToken(token: string) {
    return { 'x-manage-token': token };
  }

  private when(o: { start: string; end: string }) {
    const w = this.words;
    const date = isoDateOf(o.start);
    return `${w.date(date, w.weekdays[weekdayIndex(date)])} ${w.range(hhmm(o.start), hhmm(o.end))}`;
  }

  private problem(message: string) {
    const phone = this.dataset.phone;
    this.out.replaceChildren(h('p', { class: 'problem' }, message), phone ? h('p', {}, this.words.callUs(phone)) : null);
  }

  private failed(answer: ApiAnswer<unknown>) {
    if (answer.ok) return;
    if (answer.status === 404) keep(null);
    if (answer.status === 404 && answer.details.code === 'link_expired') this.problem(this.words.manageExpired(Number(answer.details.days)));
    else if (answer.status === 404) this.problem(this.words.manageNotFound);
    else if (answer.status === 400) this.problem(this.words.manageMissing);
    else this.problem(this.words.networkError);
  }

  private facts(rows: Array<[string, Node | string]>) {
    const sep = pageLocale() === 'en' ? ': ' : '：';
    return h('dl', { class: 'facts' }, ...rows.flatMap(([term, value]) => [h('dt', {}, `${term}${sep}`), h('dd', {}, value)]));
  }

  /** A cancel button that asks once more in place before it acts. */
  private cancelButton(label: string, act: () => Promise<void>): HTMLElement {
    const w = this.words;
    const wrap = h('div', { class: 'cancel' });
    const first = h('button', { type: 'button', class: 'button secondary' }, label);
    first.addEventListener('click', () => {
      const yes = h('button', { type: 'button', class: 'button' }, w.yesCancel);
      const no = h('button', { type: 'button', class: 'button secondary' }, w.keep);
      yes.addEventListener('click', async () => {
        yes.setAttribute('aria-disabled', 'true');
        await act();
      });
      no.addEventListener('click', () => {
        wrap.replaceChildren(first);
        first.focus();
      });
      wrap.replaceChildren(h('p', { class: 'confirm' }, label, ' · ', w.confirmCancel), yes, ' ', no);
      yes.focus();
    });
    wrap.append(first);
    return wrap;
  }

  private say(message: string) {
    this.status.textContent = message;
  }

  // ---- reservations ----

  private async loadReservation(token: string) {
    const answer = await getJson<ReservationView>(`${this.api}/api/booking/reservations/manage`, this.byToken(token));
    if (!answer.ok) return this.failed(answer);
    this.showReservation(token, answer.data);
  }

  private async cancelReservation(token: string, start?: string) {
    const answer = await postJson<ReservationView>(`${this.api}/api/booking/reservations/manage/cancel`, start ? { start } : {}, undefined, this.byToken(token));
    if (!answer.ok) {
      this.say(answer.status === 400 ? this.words.cannotCancel : this.words.networkError);
      return;
    }
    this.showReservation(token, answer.data);
    this.say(this.words.cancelledNow);
    this.querySelector<HTMLElement>('h2')?.focus();
  }

  private showReservation(token: string, r: ReservationView) {
    const w = this.words;
    const now = Date.now();
    const upcoming = r.occurrences.filter((o) => Date.parse(o.start) > now && HOLDING.includes(o.status));
    const rooms = this.dataset.rooms ?? '/rooms/';
    const dates = h(
      'ul',
      { class: 'occurrences' },
      ...r.occurrences.map((o) =>
        h(
          'li',
          { class: `occurrence ${o.status}` },
          h('span', { class: 'when' }, this.when(o)),
          ' · ',
          h('span', { class: 'state' }, w.statuses[o.status] ?? o.status),
          r.occurrences.length > 1 && upcoming.includes(o) ? this.cancelButton(w.cancelOne(this.when(o)), () => this.cancelReservation(token, o.start)) : null
        )
      )
    );
    this.out.replaceChildren(
      h('h2', { tabindex: '-1' }, `${w.yourReference} ${r.reference}`),
      this.facts([
        [w.status, h('strong', { class: `status ${r.status}` }, w.statuses[r.status] ?? r.status)],
        ...(r.room ? ([[w.room, h('a', { href: `${rooms}${r.room.slug}/` }, r.room.name)]] as Array<[string, Node]>) : []),
        [w.fields.purpose, r.purpose],
        ...(r.organization ? ([[w.fields.organization, r.organization]] as Array<[string, string]>) : []),
        [w.fields.attendees, String(r.attendees)],
        ...this.toldBy(r.notifyBy),
        ...(r.rejectionReason ? ([[w.reason, r.rejectionReason]] as Array<[string, string]>) : []),
      ]),
      h('h3', {}, w.dates),
      dates,
      upcoming.length > 0 ? this.cancelButton(r.occurrences.length > 1 ? w.cancelAll : w.cancelBooking, () => this.cancelReservation(token)) : null
    );
  }

  /** How they asked to be told, as a line of facts (none in an answer from before the choice). */
  private toldBy(notifyBy: string | undefined): Array<[string, string]> {
    return notifyBy ? [[this.words.notifyBy.shown, this.words.notifyBy[notifyBy] ?? notifyBy]] : [];
  }

  // ---- enrolments ----

  private async loadEnrolment(token: string) {
    const answer = await getJson<EnrolmentView>(`${this.api}/api/booking/enrolments/manage`, this.byToken(token));
    if (!answer.ok) return this.failed(answer);
    this.showEnrolment(token, answer.data);
  }

  private async cancelEnrolment(token: string) {
    const answer = await postJson<EnrolmentView>(`${this.api}/api/booking/enrolments/manage/cancel`, {}, undefined, this.byToken(token));
    if (!answer.ok) {
      this.say(answer.status === 400 ? this.words.cannotCancel : this.words.networkError);
      return;
    }
    this.showEnrolment(token, answer.data);
    this.say(this.words.cancelledNow);
    this.querySelector<HTMLElement>('h2')?.focus();
  }

  private showEnrolment(token: string, e: EnrolmentView) {
    const w = this.words;
    const base = e.activity.kind === 'event' ? this.dataset.events : this.dataset.courses;
    const title = e.activity.title ?? '';
    const status = e.status === 'waitlisted' && e.position ? `${w.statuses.waitlisted} (${w.positionOnList(e.position)})` : w.statuses[e.status] ?? e.status;
    this.out.replaceChildren(
      h('h2', { tabindex: '-1' }, e.activity.slug ? h('a', { href: `${base}${e.activity.slug}/` }, title) : title),
      this.facts([
        [w.status, h('strong', { class: `status ${e.status}` }, status)],
        ...(e.session ? ([[w.dates, this.when(e.session)]] as Array<[string, string]>) : []),
        [w.fields.people, String(e.people)],
        ...this.toldBy(e.notifyBy),
      ]),
      e.status !== 'cancelled' ? this.cancelButton(w.cancelEnrolment, () => this.cancelEnrolment(token)) : null
    );
  }
}

customElements.define('manage-booking', ManageBooking);
