/** <enrol-form>: places left, loaded live, and enrolment in a course or event (or one of its dates). */
import { bookingWords } from '../i18n/booking-strings';
import { getJson, postJson, type FieldError } from './api';
import { privacyWords } from '../i18n/privacy-strings';
import { choiceErrors, clearErrors, consentVersionOf, EMAIL, OnceSender, pageLocale, PHONE, refusalErrors, showErrors, showWhatNext, valueOf, type ShownError } from './form-kit';

interface Detail {
  placesLeft: number | null;
  waiting: number | null;
  sessions: Array<{ id: string; status: string; placesLeft: number | null }>;
}

class EnrolForm extends HTMLElement {
  private words = bookingWords(pageLocale());
  private privacy = privacyWords(pageLocale());
  private sender!: OnceSender;

  connectedCallback() {
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    const form = this.querySelector('form')!;
    this.sender = new OnceSender(form, this.words.submitting);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit(form);
    });
    form.querySelector('[name="session"]')?.addEventListener('change', () => void this.refreshPlaces());
    void this.refreshPlaces();
  }

  /** The page was built earlier; places change by the minute, so ask the CMS now. */
  private async refreshPlaces() {
    const { api, kind, slug } = this.dataset;
    const answer = await getJson<Detail>(`${api}/api/booking/${kind}/${encodeURIComponent(slug!)}?locale=${pageLocale()}`);
    const out = this.querySelector<HTMLElement>('[data-places]');
    if (!answer.ok || !out) return;
    const w = this.words;
    const session = valueOf(this.querySelector('form')!, 'session');
    const places = this.dataset.mode === 'session' ? answer.data.sessions.find((x) => x.id === session)?.placesLeft ?? null : answer.data.placesLeft;
    if (places === null) return;
    out.textContent = [w.placesLeftLive(places), answer.data.waiting ? w.waitingCount(answer.data.waiting) : ''].filter(Boolean).join(pageLocale() === 'en' ? '; ' : '；');
    out.hidden = false;
  }

  private checkLocally(form: HTMLFormElement): ShownError[] {
    const w = this.words;
    const errors: ShownError[] = [];
    if (this.dataset.mode === 'session' && !valueOf(form, 'session')) errors.push({ field: 'session', message: w.chooseSession });
    if (!valueOf(form, 'name')) errors.push({ field: 'name', message: w.required });
    const phone = valueOf(form, 'phone');
    const email = valueOf(form, 'email');
    if (!phone && !email) errors.push({ field: 'phone', message: w.contactNeeded });
    if (phone && !PHONE.test(phone)) errors.push({ field: 'phone', message: w.invalidPhone });
    if (email && !EMAIL.test(email)) errors.push({ field: 'email', message: w.invalidEmail });
    errors.push(...choiceErrors(form, w.enrolCodes));
    const people = Number(valueOf(form, 'people'));
    if (!Number.isInteger(people) || people < 1) errors.push({ field: 'people', message: w.atLeastOne });
    errors.push(...this.childErrors(form));
    if (!consentVersionOf(form)) errors.push({ field: 'consentVersion', message: this.privacy.consentNeeded });
    return errors;
  }

  private get forChildren() {
    return this.dataset.children === 'true';
  }

  /** Who may collect the child: the rows with a name or a phone. */
  private collectors(form: HTMLFormElement) {
    return [1, 2].map((n) => ({ name: valueOf(form, `collector${n}Name`), phone: valueOf(form, `collector${n}Phone`) })).filter((c) => c.name || c.phone);
  }

  private childErrors(form: HTMLFormElement): ShownError[] {
    if (!this.forChildren) return [];
    const p = this.privacy;
    const errors: ShownError[] = [];
    if (!valueOf(form, 'phone')) errors.push({ field: 'phone', message: this.words.required });
    if (!valueOf(form, 'childName')) errors.push({ field: 'childName', message: p.childNameNeeded });
    if (!valueOf(form, 'childGrade')) errors.push({ field: 'childGrade', message: p.childGradeNeeded });
    if (this.collectors(form).some((c) => !c.name || !PHONE.test(c.phone))) errors.push({ field: 'collectors', message: p.collectorIncomplete });
    if (!(form.elements.namedItem('guardianConsent') as HTMLInputElement).checked) errors.push({ field: 'guardianConsent', message: p.guardianConsentNeeded });
    return errors;
  }

  private translate(form: HTMLFormElement, errors: FieldError[]): ShownError[] {
    const w = this.words;
    const english = pageLocale() === 'en';
    return errors.map((e) => {
      const path = e.path.startsWith('collectors') ? 'collectors' : e.path;
      const known = form.querySelector(`[name="${CSS.escape(path)}"]`);
      const words = e.code === 'consent_outdated' ? this.privacy.consentOutdated : e.code ? w.enrolCodes[e.code] : undefined;
      const message = words ? (english ? `${words} (${e.message})` : words) : english ? e.message : `${w.serverSaid}${e.message}`;
      return { field: known ? path : null, message };
    });
  }

  private async submit(form: HTMLFormElement) {
    const w = this.words;
    const local = this.checkLocally(form);
    if (local.length) {
      showErrors(form, local, w.fixBelow);
      return;
    }
    clearErrors(form);
    const { api, kind, slug, mode } = this.dataset;
    const target = mode === 'session' ? { session: valueOf(form, 'session') } : { [kind === 'events' ? 'event' : 'course']: slug };
    const request = {
      ...target,
      name: valueOf(form, 'name'),
      phone: valueOf(form, 'phone') || null,
      email: valueOf(form, 'email') || null,
      notifyBy: valueOf(form, 'notifyBy') || null,
      people: Number(valueOf(form, 'people')),
      note: valueOf(form, 'note') || null,
      language: pageLocale(),
      consentVersion: consentVersionOf(form),
      ...(this.forChildren
        ? { guardianConsent: true, childName: valueOf(form, 'childName'), childGrade: valueOf(form, 'childGrade'), collectors: this.collectors(form) }
        : {}),
    };
    const answer = await this.sender.send((key) =>
      postJson<{ status: string; position: number | null; manageToken: string; notifiedBy?: string }>(`${api}/api/booking/enrolments`, request, key)
    );
    if (!answer) return;
    if (!answer.ok) {
      showErrors(form, refusalErrors(answer, (errors) => this.translate(form, errors), w, this.dataset.phone), w.fixBelow);
      return;
    }
    const done = this.querySelector<HTMLElement>('[data-done]')!;
    const title = done.querySelector<HTMLElement>('[data-done-title]')!;
    title.textContent = answer.data.status === 'waitlisted' ? w.waitlisted(answer.data.position ?? 0) : w.enrolled;
    done.querySelector<HTMLAnchorElement>('[data-manage-link]')!.href = `${this.dataset.manage}#enrolment=${encodeURIComponent(answer.data.manageToken)}`;
    showWhatNext(done, form, answer.data.notifiedBy, (channel, contact) => w.enrolTold(channel, contact, answer.data.status === 'waitlisted'));
    form.hidden = true;
    done.hidden = false;
    title.focus();
    void this.refreshPlaces();
  }
}

customElements.define('enrol-form', EnrolForm);
