/** What every form island shares: building nodes, showing errors next to fields, sending once. */
import { newIdempotencyKey, type ApiAnswer, type FieldError } from './api';

type Child = Node | string | null | undefined | false;

export const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
};

/** A field by its name in the form, the API's path for it (`repeat.until` is the field `until`). */
export const fieldOf = (form: HTMLFormElement, path: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null => {
  const name = path.split('.').pop() ?? path;
  return form.querySelector(`[name="${CSS.escape(name)}"]`);
};

export const clearErrors = (form: HTMLFormElement) => {
  for (const el of form.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll<HTMLElement>('.field-error')) {
    el.textContent = '';
    el.hidden = true;
  }
  const summary = form.querySelector<HTMLElement>('.error-summary');
  if (summary) {
    summary.replaceChildren();
    summary.hidden = true;
  }
};

export interface ShownError {
  /** The field's name, or null for a message about the whole form. */
  field: string | null;
  message: string;
}

/**
 * Each message next to its field (linked by aria-describedby), and a summary at the top that
 * takes focus, so a screen reader hears what to fix and a keyboard user can jump to it.
 */
export const showErrors = (form: HTMLFormElement, errors: ShownError[], heading: string) => {
  clearErrors(form);
  const summary = form.querySelector<HTMLElement>('.error-summary');
  const items: HTMLElement[] = [];
  const seen = new Set<string>();
  for (const { field, message } of errors) {
    const key = `${field}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const input = field ? fieldOf(form, field) : null;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const slot = form.querySelector<HTMLElement>(`#${CSS.escape(input.id)}-error`);
      if (slot) {
        slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
        slot.hidden = false;
      }
      // A choice among radio buttons is named by its group's legend, not by its first option.
      const legend = input.type === 'radio' ? input.closest('fieldset')?.querySelector('legend') : null;
      const label = (legend ?? form.querySelector(`label[for="${CSS.escape(input.id)}"]`))?.textContent?.trim() ?? field;
      items.push(h('li', {}, h('a', { href: `#${input.id}` }, `${label}${document.documentElement.lang === 'en' ? ': ' : '：'}${message}`)));
    } else {
      items.push(h('li', {}, message));
    }
  }
  if (summary) {
    summary.replaceChildren(h('p', {}, heading), h('ul', {}, ...items));
    summary.hidden = false;
    summary.focus();
  }
};

/** Says something to screen readers and sighted people alike, in the form's live region. */
export const announce = (region: HTMLElement | null, ...content: Child[]) => {
  if (!region) return;
  region.replaceChildren(...(content.filter(Boolean) as Array<Node | string>));
  region.hidden = false;
};

export const valueOf = (form: HTMLFormElement, name: string): string => {
  const el = form.elements.namedItem(name) as HTMLInputElement | null;
  return el ? String(el.value ?? '').trim() : '';
};

/**
 * The chosen way to be told needs its detail, said with the API's code for it (whether a number
 * can take text messages only the API knows: the phone library is too large for the page).
 */
export const choiceErrors = (form: HTMLFormElement, codes: Record<string, string>): ShownError[] => {
  const how = valueOf(form, 'notifyBy');
  const has = (name: string) => valueOf(form, name) !== '';
  const code = how === 'email' && !has('email') ? 'notify_needs_email' : how === 'sms' && !has('phone') ? 'notify_needs_mobile' : how === 'call' && !has('phone') ? 'notify_needs_phone' : null;
  return code ? [{ field: 'notifyBy', message: codes[code] }] : [];
};

export const PHONE = /^[+\d][\d\s-]{5,30}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Lets the browser paint and answer input before the next step: a phone's first use of Intl
 * (loading its locale and zone data) and a form's first layout are each long enough alone.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The page's language, from <html lang>: the islands speak it. */
export const pageLocale = (): 'zh-CN' | 'en' => (document.documentElement.lang === 'en' ? 'en' : 'zh-CN');

/**
 * Sends a form's request at most once at a time, under one Idempotency-Key per request: a double
 * click or a retry after a lost answer reuses the key, so the CMS counts it once; any change to
 * the form, or a refusal, makes the next send a new request with a new key.
 */
export class OnceSender {
  private key: string | null = null;
  private sending = false;

  constructor(private readonly form: HTMLFormElement, private readonly busyLabel: string) {
    form.addEventListener('input', () => {
      if (!this.sending) this.key = null;
    });
  }

  /** Null when a request is already on its way (the second click of a double click). */
  async send<T>(request: (idempotencyKey: string) => Promise<ApiAnswer<T>>): Promise<ApiAnswer<T> | null> {
    if (this.sending) return null;
    this.key ??= newIdempotencyKey();
    const button = this.form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const label = button.textContent;
    this.sending = true;
    // aria-disabled, not disabled: the button keeps focus, and a screen reader hears it is busy.
    button.setAttribute('aria-disabled', 'true');
    this.form.setAttribute('aria-busy', 'true');
    button.textContent = this.busyLabel;
    try {
      const answer = await request(this.key);
      // A refusal is final for that request; whatever is sent next is a new one.
      if (!answer.ok && answer.status !== 0) this.key = null;
      return answer;
    } finally {
      this.sending = false;
      button.removeAttribute('aria-disabled');
      this.form.removeAttribute('aria-busy');
      button.textContent = label;
    }
  }

  /** After a success: the next booking is a new request. */
  reset() {
    this.key = null;
  }
}

/** What to tell a person when the API refused for a reason other than a taken time. */
export const refusalErrors = (
  answer: Extract<ApiAnswer<unknown>, { ok: false }>,
  translate: (errors: FieldError[]) => ShownError[],
  words: { tooMany: (seconds: number) => string; networkError: string; callUs: (phone: string) => string },
  phone: string | undefined
): ShownError[] => {
  if (answer.status === 400) return translate(answer.fieldErrors.length ? answer.fieldErrors : [{ path: '', message: answer.message }]);
  if (answer.status === 429) return [{ field: null, message: words.tooMany(answer.retryAfter ?? 60) }];
  return [{ field: null, message: `${words.networkError}${phone ? ` ${words.callUs(phone)}` : ''}` }];
};

/** The privacy notice's version when its box is ticked, else null (the box is named as the API's field). */
export const consentVersionOf = (form: HTMLFormElement): string | null => {
  const box = form.elements.namedItem('consentVersion') as HTMLInputElement | null;
  return box?.checked ? box.value : null;
};

/**
 * After a success: what will happen next, said for the channel the CMS will really use
 * (`notifiedBy` in its answer), and with no e-mail given, how to keep the booking and ask at the desk.
 */
export const showWhatNext = (done: HTMLElement, form: HTMLFormElement, notifiedBy: string | undefined, say: (channel: string, contact: string) => string) => {
  const email = valueOf(form, 'email');
  const channel = notifiedBy ?? (email ? 'email' : 'call');
  const contact = channel === 'email' ? email : valueOf(form, 'phone');
  done.querySelector<HTMLElement>('[data-told-by]')!.textContent = say(channel, contact);
  done.querySelector<HTMLElement>('[data-no-email]')!.hidden = email !== '';
};
