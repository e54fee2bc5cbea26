/** What every form island shares: building nodes, showing errors next to fields, announcing results. */
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
      const label = form.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent?.trim() ?? field;
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

export const PHONE = /^[+\d][\d\s-]{5,30}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The page's language, from <html lang>: the islands speak it. */
export const pageLocale = (): 'zh-CN' | 'en' => (document.documentElement.lang === 'en' ? 'en' : 'zh-CN');
