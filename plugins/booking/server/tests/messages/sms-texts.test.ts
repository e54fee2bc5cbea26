import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { MessageKind } from '../../src/messages/message-kind';
import type { MessageLanguage } from '../../src/messages/rendering';
import type { SmsFacts } from '../../src/messages/sms-facts';
import { SITE, SMS_PARAM_LIMITS, SMS_TEMPLATES, fitParam, registeredTemplate, smsText } from '../../src/messages/sms-texts';
import { SMS_KINDS } from '../../src/sms/sms-config';

const LANGUAGES: MessageLanguage[] = ['zh-CN', 'en'];
const CASES = SMS_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as [MessageKind, MessageLanguage]));

const MANAGE_ZH = 'https://linli.example/manage/#token=Ab3_x-9Ab3_x-9Ab3_x-9Ab3_x-9Ab3_x-9Ab3_x-9Ab3';
const MANAGE_EN = 'https://linli.example/en/manage/#token=Ab3_x-9Ab3_x-9Ab3_x-9Ab3_x-9Ab3_x-9Ab3_x-9Ab3';

const zhFacts = (kind: MessageKind): SmsFacts => ({
  kind,
  language: 'zh-CN',
  name: '张阿姨',
  what: '多功能厅',
  when: '11月24日 周二 19:00–21:00',
  reference: 'LL-7K3Q9',
  link: MANAGE_ZH,
});
const enFacts = (kind: MessageKind): SmsFacts => ({
  kind,
  language: 'en',
  name: 'Mrs Li',
  what: 'Multi-purpose hall',
  when: 'Tuesday 24 November, 19:00–21:00',
  reference: 'LL-7K3Q9',
  link: MANAGE_EN,
});
const factsFor = (kind: MessageKind, language: MessageLanguage) => (language === 'zh-CN' ? zhFacts(kind) : enFacts(kind));

const placeholders = (template: string) => [...template.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
const chars = (s: string) => Array.from(s).length;
// What Tencent Cloud refuses in a template or a value: the sign name's brackets and symbols that arrive garbled.
const REFUSED = /[【】¥★☞✓※]/;

describe('SMS templates, as registered with the provider', () => {
  it.each(CASES)('%s (%s): {1}, {2}, … in order, never two side by side, the link last after the site', (kind, language) => {
    const template = registeredTemplate(kind, language);
    const numbers = placeholders(template);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(template).not.toMatch(/\}\s*\{/);
    expect(template.endsWith(`${SITE}/{${numbers.length}}`)).toBe(true);
    expect(template).not.toMatch(REFUSED);
    // Not a template made of variables only: the words say what it is about.
    expect(template.replace(/\{\d+\}/g, '').replace(SITE, '').length).toBeGreaterThan(10);
  });

  it('words each language in its own script', () => {
    for (const kind of SMS_KINDS) {
      expect(SMS_TEMPLATES['zh-CN'][kind].body.replace(/\{\d+\}/g, '')).not.toMatch(/[A-Za-z]/);
      expect(SMS_TEMPLATES.en[kind].body).not.toMatch(/[\u3400-\u9fff]/);
    }
  });

  it('are listed in the README, each exactly as the code fills it', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', '..', 'README.md'), 'utf8');
    for (const [kind, language] of CASES) expect(readme).toContain(`\`${registeredTemplate(kind, language)}\``);
  });
});

describe('smsText', () => {
  it.each(CASES)('%s (%s): the text is the registered template filled with the parameters', (kind, language) => {
    const facts = factsFor(kind, language);
    const { params, text } = smsText(facts);
    const template = registeredTemplate(kind, language);
    expect(params).toHaveLength(placeholders(template).length);
    const filled = template.replace(/\{(\d+)\}/g, (_, n) => params[Number(n) - 1]).replace(SITE, 'https://linli.example');
    expect(text).toBe(filled);
    // The whole link, openable, ends the message.
    expect(text.endsWith(facts.link!)).toBe(true);
    expect(text).toContain(facts.name);
    expect(text).toContain(facts.what);
  });

  it('reads as a resident expects, in Chinese and in English', () => {
    expect(smsText(zhFacts('reservation.confirmed'))).toEqual({
      params: ['张阿姨', '多功能厅', '11月24日 周二 19:00–21:00', 'LL-7K3Q9', MANAGE_ZH.replace('https://linli.example/', '')],
      text: `张阿姨您好，您的多功能厅预约（11月24日 周二 19:00–21:00）已确认，预约号LL-7K3Q9。查看或取消：${MANAGE_ZH}`,
    });
    const reminder = smsText({ ...enFacts('reminder'), what: 'Tai chi for beginners', link: 'https://linli.example/en/c/#k=7Hq2' });
    expect(reminder).toEqual({
      params: ['Mrs Li', 'Tai chi for beginners', 'Tuesday 24 November, 19:00–21:00', 'en/c/#k=7Hq2'],
      text: "Dear Mrs Li, a reminder: Tai chi for beginners, Tuesday 24 November, 19:00–21:00. Can't come? Tap https://linli.example/en/c/#k=7Hq2",
    });
  });

  it('says what happened within one part of 70 characters (sign name included); the link follows', () => {
    // 【邻里中心】 is 6 characters. A manage link (about 80) makes the whole message two or three parts.
    for (const kind of SMS_KINDS) expect(chars(`【邻里中心】${smsText({ ...zhFacts(kind), link: undefined }).text}`)).toBeLessThanOrEqual(70);
  });

  it('never carries a link in a parameter: only what follows the site address', () => {
    for (const [kind, language] of CASES) {
      for (const param of smsText(factsFor(kind, language)).params) {
        expect(param).not.toMatch(/:\/\/|^www\.|linli\.example/);
      }
    }
  });

  it('cuts a long title or name with "…" and keeps the link whole', () => {
    const title = '社区长者智能手机使用入门培训班（第二期·周二下午班）';
    const { params, text } = smsText({ ...zhFacts('enrolment.confirmed'), name: 'Alexandra Montgomery-Smith', what: title });
    expect(params[0]).toBe('Alexandra…');
    expect(params[1]).toBe(`${Array.from(title).slice(0, SMS_PARAM_LIMITS.what - 1).join('')}…`);
    expect(chars(params[1])).toBe(SMS_PARAM_LIMITS.what);
    expect(text.endsWith(MANAGE_ZH)).toBe(true);
  });

  it('never cuts a character outside the BMP in half', () => {
    // 𠀀 (U+20000) is one character in two UTF-16 units, as some names' rare characters are.
    const { params } = smsText({ ...zhFacts('reminder'), name: '𠀀'.repeat(15) });
    expect(params[0]).toBe(`${'𠀀'.repeat(SMS_PARAM_LIMITS.name - 1)}…`);
  });

  it('makes 【】 round brackets and drops emoji, line breaks and control characters', () => {
    expect(fitParam('【新】太极🧘‍♀️班\n周二\u0007', 20)).toBe('（新）太极班 周二');
    expect(fitParam('  ', 20)).toBe('');
  });

  it('without a link: the text stops before it and the last parameter is empty (the template shows the site)', () => {
    for (const [kind, language] of CASES) {
      const { params, text } = smsText({ ...factsFor(kind, language), link: undefined });
      expect(params[params.length - 1]).toBe('');
      expect(text).toBe(SMS_TEMPLATES[language][kind].body.replace(/\{(\d+)\}/g, (_, n) => params[Number(n) - 1]));
      expect(text).not.toContain(SITE);
    }
  });

  it('points to the home page rather than sending half of an over-long link, and ignores a link that is not a web address', () => {
    const long = `https://linli.example/manage/#token=${'x'.repeat(200)}`;
    const cut = smsText({ ...zhFacts('reservation.confirmed'), link: long });
    expect(cut.params[4]).toBe('');
    expect(cut.text.endsWith('：https://linli.example/')).toBe(true);
    const odd = smsText({ ...zhFacts('reservation.confirmed'), link: 'javascript:alert(1)' });
    expect(odd.params[4]).toBe('');
    expect(odd.text).not.toContain('javascript');
  });

  it('fills a missing reference with "-" rather than a blank', () => {
    expect(smsText({ ...zhFacts('reservation.received'), reference: undefined }).params[3]).toBe('-');
  });

  it('for any name, title, time and reference: every parameter one clean line within its limit, all of them in the text', () => {
    const text = fc.string({ unit: 'binary', maxLength: 80, size: 'max' });
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES),
        text,
        text,
        text,
        fc.option(text, { nil: undefined }),
        ([kind, language], name, what, when, reference) => {
          const facts: SmsFacts = { kind, language, name, what, when, reference, link: language === 'en' ? MANAGE_EN : MANAGE_ZH };
          const { params, text: full } = smsText(facts);
          const limits = [...SMS_TEMPLATES[language][kind].facts.map((f) => SMS_PARAM_LIMITS[f]), SMS_PARAM_LIMITS.link];
          params.forEach((param, i) => {
            expect(chars(param)).toBeLessThanOrEqual(limits[i]);
            expect(param).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029【】]|\p{Cs}|\p{Extended_Pictographic}/u);
            expect(param).toBe(param.trim());
            if (i < params.length - 1) expect(param).not.toBe('');
            expect(full).toContain(param);
          });
        },
      ),
    );
  });
});
