import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SmsProvider, SmsSendInput, SmsSendResult } from './provider';

/**
 * The development SMS provider: sends nothing, writes each message as one JSON file
 * ({ to, kind, templateId, params, text, sentAt }) into a folder, as `email-outbox.js` does for
 * mail, so a developer reads what a resident would get and tests assert on it.
 *
 * The folder is `dir`, else env SMS_OUTBOX_DIR, else .sms in the working directory (the CMS's
 * config sets cms/.sms, git-ignored). Files sort by time of sending, as the mail outbox's do:
 * '2026-11-24T11-00-00-000Z-000001-9f3a1c.json'.
 */

export interface SmsOutboxFile {
  to: string;
  kind: string;
  templateId: string;
  params: string[];
  text: string;
  sentAt: string;
}

let lastTime = 0;
let counter = 0;

/** The time of sending and a file name: unique in this process and increasing, even if the clock steps back. */
function nextStamp(): { sentAt: string; name: string } {
  const now = Math.max(Date.now(), lastTime);
  counter = now === lastTime ? counter + 1 : 0;
  lastTime = now;
  const iso = new Date(now).toISOString();
  return { sentAt: iso, name: `${iso.replace(/[:.]/g, '-')}-${String(counter).padStart(6, '0')}-${crypto.randomBytes(3).toString('hex')}.json` };
}

export const smsOutboxDir = (dir: string | null | undefined): string =>
  path.resolve(dir || process.env.SMS_OUTBOX_DIR || path.join(process.cwd(), '.sms'));

export function outboxSmsProvider(dir?: string | null): SmsProvider & { dir: string } {
  const folder = smsOutboxDir(dir);
  return {
    name: 'outbox',
    dir: folder,
    async send({ phone, kind, templateId, params, text }: SmsSendInput): Promise<SmsSendResult> {
      // Stamped before any await, so messages sent without waiting still sort in the order of the calls.
      const { sentAt, name } = nextStamp();
      const message: SmsOutboxFile = { to: phone, kind, templateId, params, text, sentAt };
      // Made here, not once: a test may have emptied or removed the folder since.
      await fs.promises.mkdir(folder, { recursive: true });
      const file = path.join(folder, name);
      // Under a hidden temporary name first, so a reader never sees half a message.
      const tmp = path.join(folder, `.${name}.tmp`);
      await fs.promises.writeFile(tmp, `${JSON.stringify(message, null, 2)}\n`, 'utf8');
      await fs.promises.rename(tmp, file);
      return { id: name, answer: `written to ${file}` };
    },
  };
}
