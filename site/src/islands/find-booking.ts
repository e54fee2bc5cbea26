/** <find-booking>: asks the CMS to send a resident's manage links to the phone or address they give. */
import { bookingWords } from '../i18n/booking-strings';
import { postJson, type FieldError } from './api';
import { clearErrors, EMAIL, OnceSender, pageLocale, PHONE, refusalErrors, showErrors, valueOf, type ShownError } from './form-kit';

class FindBooking extends HTMLElement {
  private words = bookingWords(pageLocale());
  private sender!: OnceSender;

  connectedCallback() {
    const form = this.querySelector('form')!;
    form.hidden = false;
    this.sender = new OnceSender(form, this.words.submitting);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit(form);
    });
    this.querySelector('[data-again]')!.addEventListener('click', () => {
      this.sender.reset();
      form.reset();
      this.querySelector<HTMLElement>('[data-done]')!.hidden = true;
      form.hidden = false;
      form.querySelector<HTMLInputElement>('[name="phone"]')!.focus();
    });
  }

  private checkLocally(form: HTMLFormElement): ShownError[] {
    const w = this.words;
    const phone = valueOf(form, 'phone');
    const email = valueOf(form, 'email');
    if (!phone && !email) return [{ field: 'phone', message: w.findOne }];
    if (phone && email) return [{ field: 'email', message: w.findNotBoth }];
    if (phone && !PHONE.test(phone)) return [{ field: 'phone', message: w.invalidPhone }];
    if (email && !EMAIL.test(email)) return [{ field: 'email', message: w.invalidEmail }];
    return [];
  }

  private fieldMessages(errors: FieldError[]): ShownError[] {
    const w = this.words;
    return errors.map((e) => ({ field: e.path === 'phone' || e.path === 'email' ? e.path : null, message: e.path === 'phone' ? w.invalidPhone : e.path === 'email' ? w.invalidEmail : `${w.serverSaid}${e.message}` }));
  }

  private async submit(form: HTMLFormElement) {
    const w = this.words;
    const local = this.checkLocally(form);
    if (local.length > 0) {
      showErrors(form, local, w.fixBelow);
      return;
    }
    clearErrors(form);
    const phone = valueOf(form, 'phone');
    const email = valueOf(form, 'email');
    const answer = await this.sender.send((key) =>
      postJson<{ accepted: boolean }>(`${this.dataset.api}/api/booking/find-my-bookings`, { ...(phone ? { phone } : { email }), language: pageLocale() }, key)
    );
    if (!answer) return;
    if (!answer.ok) {
      showErrors(form, refusalErrors(answer, (errors) => this.fieldMessages(errors), w, this.dataset.phone), w.fixBelow);
      return;
    }
    // The same words whatever the CMS found: the page never tells.
    const done = this.querySelector<HTMLElement>('[data-done]')!;
    form.hidden = true;
    done.hidden = false;
    done.querySelector<HTMLElement>('[data-done-title]')!.focus();
  }
}

customElements.define('find-booking', FindBooking);
