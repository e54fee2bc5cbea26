/**
 * <room-booking>: a room's week of free and taken times, loaded live with previous and next
 * week, and the reservation form that a picked free time fills in.
 */
import { bookingWords } from '../i18n/booking-strings';
import { privacyWords } from '../i18n/privacy-strings';
import { getJson, postJson, type FieldError } from './api';
import { announce, choiceErrors, clearErrors, consentVersionOf, EMAIL, h, nextTask, OnceSender, pageLocale, PHONE, refusalErrors, showErrors, showWhatNext, valueOf, type ShownError } from './form-kit';
import { addDays, hhmm, instantOf, isoDateOf, minutesOf, mondayOf, timeOf, wallClockOf, weekdayIndex } from './zoned-time';

interface Interval { start: string; end: string }
interface Day { date: string; open: Interval[]; busy: Array<Interval & { kind: string }>; free: Interval[] }
interface Rules { slotMinutes: number; minMinutes: number; maxMinutes: number; minNoticeMinutes: number; maxAdvanceDays: number; requiresApproval: boolean }
type Hours = Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Array<{ start: string; end: string }>>>;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

class RoomBooking extends HTMLElement {
  private words = bookingWords(pageLocale());
  private api = '';
  private room = '';
  private tz = 'Asia/Shanghai';
  private rules!: Rules;
  private hours: Hours = {};
  private capacity = 1;
  private phone = '';
  private managePath = '/manage/';
  private monday = '';
  private days = new Map<string, Day>();
  private sender!: OnceSender;
  /** Whether the resident has chosen a time yet: only then is "that time is taken" worth saying. */
  private touched = false;
  private form!: HTMLFormElement;

  connectedCallback() {
    const d = this.dataset;
    this.api = d.api ?? '';
    this.room = d.room ?? '';
    this.tz = d.tz ?? this.tz;
    this.rules = JSON.parse(d.rules ?? '{}');
    this.hours = JSON.parse(d.hours ?? '{}');
    this.capacity = Number(d.capacity ?? 1);
    this.phone = d.phone ?? '';
    this.managePath = d.manage ?? this.managePath;
    this.form = this.querySelector('form')!;
    this.sender = new OnceSender(this.form, this.words.submitting);
    void this.start();
  }

  /** In steps, so that no one of them keeps a slow phone from answering the resident for long. */
  private async start() {
    await nextTask();
    const today = this.today();
    await nextTask();
    const params = new URLSearchParams(location.search);
    const asked = params.get('date');
    // Tomorrow by default: today is often past its notice period already.
    const first = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked >= today ? asked : addDays(today, 1);
    this.setDate(first, params.get('start'), params.get('end'));
    if (asked && params.get('start')) this.touched = true;
    if (params.get('people')) (this.form.elements.namedItem('attendees') as HTMLInputElement).value = params.get('people')!;
    void this.showWeek(mondayOf(first));
    this.listen();
    // Shown only now that it works: a time picked or a form sent a moment earlier would be lost.
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
  }

  private listen() {
    this.querySelector('[data-prev-week]')!.addEventListener('click', () => this.showWeek(addDays(this.monday, -7)));
    this.querySelector('[data-next-week]')!.addEventListener('click', () => this.showWeek(addDays(this.monday, 7)));
    this.form.elements.namedItem('date')!.addEventListener('change', () => {
      const date = valueOf(this.form, 'date');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
      this.setDate(date);
      if (mondayOf(date) !== this.monday) this.showWeek(mondayOf(date));
      else this.checkChoice();
    });
    // A time changed by hand is no longer the picked one.
    const unpick = () => {
      this.querySelector<HTMLElement>('[data-picked]')!.hidden = true;
    };
    this.form.elements.namedItem('start')!.addEventListener('change', () => {
      unpick();
      this.fillEnds();
    });
    this.form.elements.namedItem('end')!.addEventListener('change', () => {
      unpick();
      this.checkChoice();
    });
    const repeat = this.form.elements.namedItem('repeat') as HTMLInputElement;
    repeat.addEventListener('change', () => {
      this.querySelector<HTMLElement>('[data-until]')!.hidden = !repeat.checked;
    });
    this.form.addEventListener('input', () => {
      this.touched = true;
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.querySelector('[data-again]')?.addEventListener('click', () => this.bookAgain());
  }

  private today(): string {
    return wallClockOf(Date.now(), this.tz).date;
  }

  private lastBookableDate(): string {
    return addDays(this.today(), this.rules.maxAdvanceDays);
  }

  // ---- the week of availability ----

  private async showWeek(monday: string) {
    this.monday = monday;
    const w = this.words;
    const grid = this.querySelector<HTMLElement>('[data-week-grid]')!;
    const label = this.querySelector<HTMLElement>('[data-week-label]')!;
    const sunday = addDays(monday, 6);
    label.textContent = `${w.date(monday)} – ${w.date(sunday)}`;
    (this.querySelector('[data-prev-week]') as HTMLButtonElement).disabled = sunday < this.today();
    (this.querySelector('[data-next-week]') as HTMLButtonElement).disabled = addDays(monday, 7) > this.lastBookableDate();
    grid.setAttribute('aria-busy', 'true');
    grid.replaceChildren(h('p', {}, w.loading));
    const answer = await getJson<{ timezone: string; days: Day[] }>(
      `${this.api}/api/booking/rooms/${encodeURIComponent(this.room)}/availability?from=${monday}&to=${sunday}&locale=${pageLocale()}`
    );
    if (this.monday !== monday) return; // the visitor has moved on to another week
    grid.removeAttribute('aria-busy');
    if (!answer.ok) {
      grid.replaceChildren(h('p', { class: 'problem' }, w.loadFailed, this.phone ? ` ${w.callUs(this.phone)}` : ''));
      return;
    }
    this.tz = answer.data.timezone || this.tz;
    for (const day of answer.data.days) this.days.set(day.date, day);
    grid.replaceChildren(h('ol', { class: 'days' }, ...answer.data.days.map((day) => this.dayItem(day))));
    this.checkChoice();
  }

  /** Free time a resident can still pick: not before now plus the notice, on the slot grid. */
  private pickable(day: Day): Interval[] {
    const earliest = Date.now() + this.rules.minNoticeMinutes * 60_000;
    if (day.date > this.lastBookableDate()) return [];
    return day.free.flatMap((f) => {
      const end = Date.parse(f.end);
      if (end <= earliest) return [];
      if (Date.parse(f.start) >= earliest) return [f];
      const wall = wallClockOf(earliest, this.tz);
      if (wall.date !== day.date) return [];
      const slot = this.rules.slotMinutes;
      const start = instantOf(day.date, timeOf(Math.ceil(wall.minutes / slot) * slot), this.tz);
      return Date.parse(start) + this.rules.minMinutes * 60_000 <= end ? [{ start, end: f.end }] : [];
    });
  }

  private dayItem(day: Day): HTMLElement {
    const w = this.words;
    const label = w.date(day.date, w.weekdays[weekdayIndex(day.date)]);
    const heading = h('h3', {}, label);
    const list = h('ul', { class: 'slots' });
    if (day.date < this.today()) {
      list.append(h('li', { class: 'slot past' }, w.past));
      return h('li', { class: 'day past' }, heading, list);
    }
    if (day.open.length === 0) {
      list.append(h('li', { class: 'slot closed' }, w.closedDay));
      return h('li', { class: 'day closed' }, heading, list);
    }
    const free = this.pickable(day);
    const items: Array<{ at: number; node: HTMLElement }> = [];
    for (const f of free) {
      const range = w.range(hhmm(f.start), hhmm(f.end));
      // The day is said only to screen readers: sighted people see it in the heading above.
      const button = h('button', { type: 'button', class: 'slot free' }, h('span', { class: 'visually-hidden' }, w.pickSlot(label)), h('span', { class: 'time' }, range), ' ', h('span', { class: 'what' }, w.free));
      button.addEventListener('click', () => this.pick(day.date, f, label));
      items.push({ at: Date.parse(f.start), node: h('li', {}, button) });
    }
    for (const b of day.busy.filter((b) => b.kind !== 'buffer')) {
      items.push({
        at: Date.parse(b.start),
        node: h('li', { class: 'slot busy' }, h('span', { class: 'time' }, w.range(hhmm(b.start), isoDateOf(b.end) > day.date ? '24:00' : hhmm(b.end))), ' ', h('span', { class: 'what' }, w.busyKinds[b.kind] ?? w.busy)),
      });
    }
    if (free.length === 0) items.push({ at: Infinity, node: h('li', { class: 'slot none' }, w.noFreeTime) });
    list.append(...items.sort((a, b) => a.at - b.at).map((i) => i.node));
    return h('li', { class: 'day' }, heading, list);
  }

  private pick(date: string, free: Interval, label: string) {
    const startMinutes = minutesOf(hhmm(free.start));
    const freeEnd = isoDateOf(free.end) > date ? 24 * 60 : minutesOf(hhmm(free.end));
    // Two hours suits most meetings and rehearsals; the rules and the free time may allow less.
    const length = Math.max(this.rules.minMinutes, Math.min(120, this.rules.maxMinutes, freeEnd - startMinutes));
    this.setDate(date, timeOf(startMinutes), timeOf(Math.min(freeEnd, startMinutes + length)));
    this.touched = true;
    this.checkChoice();
    const start = this.form.elements.namedItem('start') as HTMLSelectElement;
    announce(this.querySelector('[data-picked]'), this.words.picked(label, this.words.range(start.value, valueOf(this.form, 'end'))));
    start.focus();
  }

  // ---- the form ----

  /** Slot times of the date's opening hours: starts may begin at any, ends come after a start. */
  private slotTimes(date: string): number[] {
    const periods = this.hours[WEEKDAY_KEYS[weekdayIndex(date)]] ?? [];
    const times = new Set<number>();
    for (const p of periods) {
      const end = p.end === '24:00' ? 1440 : minutesOf(p.end);
      for (let m = minutesOf(p.start); m <= end; m += this.rules.slotMinutes) times.add(m);
    }
    return [...times].sort((a, b) => a - b);
  }

  private setDate(date: string, start?: string | null, end?: string | null) {
    const dateInput = this.form.elements.namedItem('date') as HTMLInputElement;
    dateInput.value = date;
    dateInput.min = this.today();
    dateInput.max = this.lastBookableDate();
    const times = this.slotTimes(date);
    const select = this.form.elements.namedItem('start') as HTMLSelectElement;
    const previous = start ?? select.value;
    select.replaceChildren(...times.slice(0, -1).map((m) => h('option', { value: timeOf(m) }, timeOf(m))));
    if (times.length < 2) select.append(h('option', { value: '' }, this.words.closedAllDay));
    if (previous && times.includes(minutesOf(previous))) select.value = previous;
    this.fillEnds(end ?? undefined);
  }

  private fillEnds(wanted?: string) {
    const date = valueOf(this.form, 'date');
    const start = valueOf(this.form, 'start');
    const select = this.form.elements.namedItem('end') as HTMLSelectElement;
    const previous = wanted ?? select.value;
    if (!start) {
      select.replaceChildren();
      return;
    }
    const from = minutesOf(start);
    const ends = this.slotTimes(date).filter((m) => m - from >= this.rules.minMinutes && m - from <= this.rules.maxMinutes);
    select.replaceChildren(...ends.map((m) => h('option', { value: timeOf(m) }, timeOf(m))));
    if (previous && ends.includes(minutesOf(previous))) select.value = previous;
    this.checkChoice();
  }

  /** Says at once, before sending, when the chosen time is already taken in the loaded week. */
  private checkChoice() {
    const note = this.querySelector<HTMLElement>('[data-choice-note]');
    if (!note) return;
    const date = valueOf(this.form, 'date');
    const start = valueOf(this.form, 'start');
    const end = valueOf(this.form, 'end');
    const day = this.days.get(date);
    note.hidden = true;
    if (!day || !start || !end || !this.touched) return;
    const a = Date.parse(instantOf(date, start, this.tz));
    const b = Date.parse(instantOf(date, end, this.tz));
    const fits = this.pickable(day).some((f) => Date.parse(f.start) <= a && b <= Date.parse(f.end));
    if (!fits) {
      note.textContent = a < Date.now() ? this.words.inPast : this.words.taken;
      note.hidden = false;
    }
  }

  private checkLocally(): ShownError[] {
    const w = this.words;
    const f = this.form;
    const errors: ShownError[] = [];
    for (const name of ['date', 'start', 'end', 'attendees', 'purpose', 'contactName']) {
      if (!valueOf(f, name)) errors.push({ field: name, message: w.required });
    }
    const phone = valueOf(f, 'phone');
    const email = valueOf(f, 'email');
    if (!phone && !email) errors.push({ field: 'phone', message: w.contactNeeded });
    if (phone && !PHONE.test(phone)) errors.push({ field: 'phone', message: w.invalidPhone });
    if (email && !EMAIL.test(email)) errors.push({ field: 'email', message: w.invalidEmail });
    errors.push(...choiceErrors(f, w.codes));
    const people = Number(valueOf(f, 'attendees'));
    if (valueOf(f, 'attendees') && (!Number.isInteger(people) || people < 1)) errors.push({ field: 'attendees', message: w.atLeastOne });
    else if (people > this.capacity) errors.push({ field: 'attendees', message: w.atMost(this.capacity) });
    const start = valueOf(f, 'start');
    const end = valueOf(f, 'end');
    if (start && end && minutesOf(end) <= minutesOf(start)) errors.push({ field: 'end', message: w.endAfterStart });
    if (!consentVersionOf(f)) errors.push({ field: 'consentVersion', message: privacyWords(pageLocale()).consentNeeded });
    if ((f.elements.namedItem('repeat') as HTMLInputElement).checked) {
      const until = valueOf(f, 'until');
      if (!until) errors.push({ field: 'until', message: w.required });
      else if (until < valueOf(f, 'date')) errors.push({ field: 'until', message: w.untilAfterDate });
    }
    return errors;
  }

  /** The API's reasons in the page's language: a rule's code when it has one, else the field. */
  private translate(errors: FieldError[]): ShownError[] {
    const w = this.words;
    const english = pageLocale() === 'en';
    return errors.map((e) => {
      const field = e.path === 'repeat.until' ? 'until' : e.path.split('.')[0];
      const dated = /^(\d{4}-\d{2}-\d{2}): /.exec(e.message);
      const prefix = dated ? `${w.date(dated[1])}${english ? ': ' : '：'}` : '';
      if (e.code === 'consent_outdated') return { field: 'consentVersion', message: privacyWords(pageLocale()).consentOutdated };
      const reason = e.code && w.codes[e.code] ? (english ? `${w.codes[e.code]} (${e.message.replace(/^\d{4}-\d{2}-\d{2}: /, '')})` : w.codes[e.code]) : english ? e.message : `${w.serverSaid}${e.message}`;
      const known = this.form.querySelector(`[name="${CSS.escape(field)}"]`);
      return { field: known ? field : null, message: `${prefix}${reason}` };
    });
  }

  private async submit() {
    const w = this.words;
    const local = this.checkLocally();
    if (local.length > 0) {
      showErrors(this.form, local, w.fixBelow);
      return;
    }
    clearErrors(this.form);
    const f = this.form;
    const date = valueOf(f, 'date');
    const repeat = (f.elements.namedItem('repeat') as HTMLInputElement).checked;
    const request = {
      room: this.room,
      start: instantOf(date, valueOf(f, 'start'), this.tz),
      end: instantOf(date, valueOf(f, 'end'), this.tz),
      attendees: Number(valueOf(f, 'attendees')),
      purpose: valueOf(f, 'purpose'),
      organization: valueOf(f, 'organization') || null,
      contactName: valueOf(f, 'contactName'),
      phone: valueOf(f, 'phone') || null,
      email: valueOf(f, 'email') || null,
      notifyBy: valueOf(f, 'notifyBy') || null,
      language: pageLocale(),
      repeat: repeat ? { frequency: 'weekly', until: valueOf(f, 'until') } : null,
      consentVersion: consentVersionOf(f),
    };
    const answer = await this.sender.send((key) =>
      postJson<{ reference: string; status: string; manageToken: string; notifiedBy?: string }>(`${this.api}/api/booking/reservations`, request, key)
    );
    if (!answer) return;
    if (answer.ok) {
      this.showDone(answer.data);
    } else if (answer.status === 409) {
      const conflicts: Interval[] = answer.details.conflicts ?? [];
      const times = conflicts.map((c) => `${w.date(isoDateOf(c.start))} ${w.range(hhmm(c.start), hhmm(c.end))}`).join(pageLocale() === 'en' ? ', ' : '，');
      showErrors(f, [{ field: 'start', message: `${w.taken}${times ? ` ${w.takenTimes}${times}` : ''}` }], w.fixBelow);
      void this.showWeek(this.monday);
    } else {
      showErrors(f, refusalErrors(answer, (errors) => this.translate(errors), w, this.phone), w.fixBelow);
    }
  }

  private showDone(data: { reference: string; status: string; manageToken: string; notifiedBy?: string }) {
    const w = this.words;
    const done = this.querySelector<HTMLElement>('[data-done]')!;
    // In the fragment: browsers never send it to a server, so no access log keeps the link.
    const link = `${this.managePath}#token=${encodeURIComponent(data.manageToken)}`;
    done.querySelector('[data-done-title]')!.textContent = data.status === 'confirmed' ? w.confirmedNow : w.received;
    done.querySelector('[data-reference]')!.textContent = data.reference;
    done.querySelector<HTMLAnchorElement>('[data-manage-link]')!.href = link;
    showWhatNext(done, this.form, data.notifiedBy, (channel, contact) => w.toldBy(channel, contact, data.status !== 'confirmed'));
    this.form.hidden = true;
    done.hidden = false;
    done.querySelector<HTMLElement>('[data-done-title]')!.focus();
    void this.showWeek(this.monday);
  }

  private bookAgain() {
    this.sender.reset();
    this.querySelector<HTMLElement>('[data-done]')!.hidden = true;
    this.form.hidden = false;
    (this.form.elements.namedItem('date') as HTMLInputElement).focus();
  }
}

customElements.define('room-booking', RoomBooking);
