'use strict';

/**
 * A Strapi email provider that sends nothing: every message is written as one JSON file
 * ({ to, from, replyTo, subject, text, html, sentAt }, plus cc/bcc when given) into a folder,
 * so a developer can read the mail and tests can assert on what was sent.
 *
 * The folder is providerOptions.dir, else env MAIL_OUTBOX_DIR, else <cwd>/.mail. File names
 * sort by time of sending: '2026-11-24T11-00-00-000Z-000001-9f3a1c.json' (UTC timestamp,
 * a counter for messages within the same millisecond, a random part against other processes).
 *
 * Plain CommonJS with no build step, because Strapi's email plugin require()s it by name:
 *   config/plugins: email: { config: { provider: '@linli/strapi-plugin-booking/email-outbox' } }
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

let lastTime = 0;
let counter = 0;

/**
 * The time of sending and a file name for it: unique in this process and increasing with
 * every call, even if the clock steps back.
 */
function nextStamp() {
  const now = Math.max(Date.now(), lastTime);
  counter = now === lastTime ? counter + 1 : 0;
  lastTime = now;
  const iso = new Date(now).toISOString();
  const name = `${iso.replace(/[:.]/g, '-')}-${String(counter).padStart(6, '0')}-${crypto.randomBytes(3).toString('hex')}.json`;
  return { sentAt: iso, name };
}

function outboxDir(providerOptions) {
  const dir = (providerOptions && providerOptions.dir) || process.env.MAIL_OUTBOX_DIR || path.join(process.cwd(), '.mail');
  return path.resolve(dir);
}

module.exports = {
  init(providerOptions, settings) {
    const defaults = settings || {};
    const dir = outboxDir(providerOptions);
    fs.mkdirSync(dir, { recursive: true });
    return {
      /** The folder the messages go to. */
      dir,
      /** Resolves to the path of the file written. */
      async send(options) {
        const { to, cc, bcc, from, replyTo, subject, text, html } = options || {};
        if (!to || (Array.isArray(to) && to.length === 0)) throw new Error('email-outbox: a message needs a "to" address');
        // Stamped before any await, so messages sent without waiting still sort in the order of the calls.
        const { sentAt, name } = nextStamp();
        const message = {
          to,
          cc,
          bcc,
          from: from || defaults.defaultFrom || null,
          replyTo: replyTo || defaults.defaultReplyTo || null,
          subject: subject == null ? null : subject,
          text: text == null ? null : text,
          html: html == null ? null : html,
          sentAt,
        };
        // The folder may have been emptied or removed (a test cleaning up) since init.
        await fs.promises.mkdir(dir, { recursive: true });
        const file = path.join(dir, name);
        // Written under a hidden temporary name first, so a reader never sees half a message.
        const tmp = path.join(dir, `.${name}.tmp`);
        await fs.promises.writeFile(tmp, `${JSON.stringify(message, null, 2)}\n`, 'utf8');
        await fs.promises.rename(tmp, file);
        return file;
      },
    };
  },
};
