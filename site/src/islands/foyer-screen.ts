/**
 * <foyer-screen>: keeps the lobby television current without a rebuild. On every minute of the
 * browser's clock it shows the time in the centre's zone and asks the public API for the week's
 * sessions and today's free rooms; when the API cannot be reached, the last answer stays up.
 */
import { dateText, screenWords, whenText } from '../i18n/screen-strings';
import { expandAvailability, type CompactAnswer } from '../lib/room-availability';
import { boardAt, type BoardItem, type FreeRoom, type ScreenSession } from '../lib/screen-board';
import { getJson } from './api';
import { h, pageLocale } from './form-kit';
import { addDays, hhmm, wallClockOf } from './zoned-time';

const MINUTE = 60_000;

class FoyerScreen extends HTMLElement {
  private locale = pageLocale();
  private words = screenWords(this.locale);
  private tz = 'Asia/Shanghai';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loading = false;

  connectedCallback() {
    this.tz = this.dataset.tz ?? this.tz;
    this.fit();
    void this.tick();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
  }

  /** On the minute, so the clock turns with the wall clock; then again a minute later. */
  private async tick() {
    this.timer = setTimeout(() => void this.tick(), MINUTE - (Date.now() % MINUTE));
    const { date, time } = wallClockOf(Date.now(), this.tz);
    this.querySelector('[data-date]')!.textContent = dateText(this.words, date);
    const clock = this.querySelector('[data-clock]')!;
    clock.textContent = time;
    clock.setAttribute('datetime', `${date}T${time}`);
    // A slow answer is not asked again on top of itself.
    if (this.loading) return;
    this.loading = true;
    try {
      await this.refresh(date);
    } finally {
      this.loading = false;
    }
  }

  private async refresh(today: string) {
    const api = this.dataset.api ?? '';
    const locale = encodeURIComponent(this.locale);
    const [sessions, rooms] = await Promise.all([
      getJson<ScreenSession[]>(`${api}/api/booking/timetable?from=${today}&to=${addDays(today, 6)}&locale=${locale}`),
      getJson<CompactAnswer['data']>(`${api}/api/booking/availability?from=${today}&to=${today}&locale=${locale}`),
    ]);
    const status = this.querySelector('[data-status]')!;
    const asked = wallClockOf(Date.now(), this.tz).time;
    if (!sessions.ok || !rooms.ok) {
      status.textContent = this.words.stale(hhmm(this.dataset.refreshed ?? ''));
      return;
    }
    const board = boardAt(Date.now(), sessions.data, expandAvailability({ data: rooms.data, meta: rooms.meta }));
    this.show('current', board.current, this.words.nothingNow, today);
    this.show('next', board.next, this.words.nothingNext, today);
    this.showFree(board.free);
    this.fit();
    status.textContent = this.words.updated(asked);
    this.dataset.refreshed = `${today}T${asked}`;
  }

  private list(key: string) {
    return this.querySelector(`[data-list="${key}"]`)!;
  }

  private show(key: string, items: BoardItem[], none: string, today: string) {
    const w = this.words;
    const item = (x: BoardItem) => {
      const when = whenText(w, x.start, x.end, today);
      return h(
        'li',
        { class: x.cancelled ? 'item cancelled' : 'item' },
        h('span', { class: 'when' }, when.day ? h('span', { class: 'day' }, when.day) : null, when.day ? ' ' : null, when.range),
        h('span', { class: 'what' }, h('span', { class: 'title' }, x.title), ' ', h('span', { class: 'where' }, x.where), x.cancelled ? ' ' : null, x.cancelled ? h('strong', { class: 'state' }, w.cancelled) : null)
      );
    };
    this.list(key).replaceChildren(items.length === 0 ? h('p', { class: 'empty' }, none) : h('ul', { class: 'items' }, ...items.map(item)));
  }

  private showFree(rooms: FreeRoom[]) {
    const w = this.words;
    const item = (r: FreeRoom) => h('li', { 'data-room': r.slug }, h('span', { class: 'name' }, r.name), ' ', h('span', { class: 'until' }, w.freeUntil(hhmm(r.until))));
    this.list('free').replaceChildren(rooms.length === 0 ? h('p', { class: 'empty' }, w.noFreeRoom) : h('ul', { class: 'free-rooms' }, ...rooms.map(item)));
  }

  /** Rows that would run off the bottom of the screen are left out whole rather than cut in half. */
  private fit() {
    for (const box of this.querySelectorAll<HTMLElement>('.activities, .rooms')) {
      const bottom = box.getBoundingClientRect().bottom;
      const rows = [...box.querySelectorAll<HTMLElement>('li')];
      // Measured before hiding any: the rows that do not fit are the last ones.
      const beyond = rows.map((li) => li.getBoundingClientRect().bottom > bottom);
      rows.forEach((li, i) => (li.hidden = beyond[i]));
    }
  }
}

customElements.define('foyer-screen', FoyerScreen);
