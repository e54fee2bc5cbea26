/** Talking to the CMS from the browser: JSON in and out, and every kind of "no" as data, never a throw. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

export type ApiAnswer<T> =
  | { ok: true; status: number; data: T; meta: any }
  | { ok: false; status: number; message: string; fieldErrors: FieldError[]; details: Record<string, any>; retryAfter: number | null }
  | { ok: false; status: 0; message: string; fieldErrors: []; details: Record<string, never>; retryAfter: null };

const parse = async <T>(res: Response): Promise<ApiAnswer<T>> => {
  let body: any = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy's error page): the status says enough
  }
  if (res.ok) return { ok: true, status: res.status, data: body?.data as T, meta: body?.meta };
  const error = body?.error ?? {};
  return {
    ok: false,
    status: res.status,
    message: String(error.message ?? res.statusText),
    fieldErrors: Array.isArray(error.details?.errors) ? error.details.errors : [],
    details: error.details ?? {},
    retryAfter: res.headers.get('retry-after') ? Number(res.headers.get('retry-after')) : null,
  };
};

const offline = (error: unknown) => ({ ok: false as const, status: 0 as const, message: String((error as Error)?.message ?? error), fieldErrors: [] as [], details: {}, retryAfter: null });

export const getJson = async <T>(url: string, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> => {
  try {
    return await parse<T>(await fetch(url, { headers: { accept: 'application/json', ...headers } }));
  } catch (error) {
    return offline(error);
  }
};

/**
 * POSTs `{ data }`. The Idempotency-Key makes a double click or a retry after a lost answer
 * count once: the CMS replays its first answer for the same key and body.
 */
export const postJson = async <T>(url: string, data: unknown, idempotencyKey?: string, extraHeaders: Record<string, string> = {}): Promise<ApiAnswer<T>> => {
  try {
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json', ...extraHeaders };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    return await parse<T>(await fetch(url, { method: 'POST', headers, body: JSON.stringify({ data }) }));
  } catch (error) {
    return offline(error);
  }
};

/** A fresh key per attempt; crypto.randomUUID needs a secure context, so fall back to random bytes. */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};
