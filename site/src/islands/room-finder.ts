/** <room-finder>: which rooms are free on a date, from a time to a time, for so many people. */
import { bookingWords } from '../i18n/booking-strings';
import { getJson } from './api';
import { clearErrors, h, pageLocale, showErrors, valueOf, type ShownError } from './form-kit';
import { addDays, instantOf, minutesOf, wallClockOf } from './zoned-time';
import { expandAvailability, type CompactAnswer } from '../lib/room-availability';

class RoomFinder extends HTMLElement {
  private words = bookingWords(pageLocale());

  connectedCallback() {
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    const form = this.querySelector('form')!;
    const tz = this.dataset.tz ?? 'Asia/Shanghai';
    const date = form.elements.namedItem('date') as HTMLInputElement;
    const today = wallClockOf(Date.now(), tz).date;
    date.min = today;
    date.value ||= addDays(today, 1);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.find(form, tz);
    });
  }

  private async find(form: HTMLFormElement, tz: string) {
    const w = this.words;
    const errors: ShownError[] = [];
    for (const name of ['date', 'start', 'end', 'people']) if (!valueOf(form, name)) errors.push({ field: name, message: w.required });
    const [date, start, end] = ['date', 'start', 'end'].map((n) => valueOf(form, n));
    const people = Number(valueOf(form, 'people'));
    if (start && end && minutesOf(end) <= minutesOf(start)) errors.push({ field: 'end', message: w.endAfterStart });
    if (valueOf(form, 'people') && (!Number.isInteger(people) || people < 1)) errors.push({ field: 'people', message: w.atLeastOne });
    if (errors.length) {
      showErrors(form, errors, w.fixBelow);
      return;
    }
    clearErrors(form);
    const results = this.querySelector<HTMLElement>('[data-results]')!;
    results.hidden = false;
    results.replaceChildren(h('p', {}, w.finding));
    const answer = await getJson<CompactAnswer['data']>(`${this.dataset.api}/api/booking/availability?from=${date}&to=${date}&capacity=${people}&locale=${pageLocale()}`);
    if (!answer.ok) {
      const reason = answer.status === 400 ? answer.fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ') : w.networkError;
      results.replaceChildren(h('p', { class: 'problem' }, reason));
      return;
    }
    const a = Date.parse(instantOf(date, start, tz));
    const b = Date.parse(instantOf(date, end, tz));
    const free = expandAvailability({ data: answer.data, meta: answer.meta }).filter((r) => r.days.some((d) => d.free.some((f) => Date.parse(f.start) <= a && b <= Date.parse(f.end))));
    const roomPath = this.dataset.rooms ?? '/rooms/';
    const query = `?date=${date}&start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}&people=${people}`;
    results.replaceChildren(
      h('p', { class: 'found' }, w.foundRooms(free.length)),
      free.length
        ? h('ul', { class: 'found-rooms' }, ...free.map((r) => h('li', {}, h('a', { href: `${roomPath}${r.room.slug}/${query}` }, w.bookThis(r.room.name)), ` · ${w.capacityShort(r.room.capacity)}`)))
        : null
    );
  }
}

customElements.define('room-finder', RoomFinder);
