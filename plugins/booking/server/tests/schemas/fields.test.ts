import fc from 'fast-check';
import { enrolmentRequestSchema, staffEnrolmentSchema } from '../../src/schemas/enrolments';
import { optionalEmail, optionalPhone, trimmed, trimmedLines } from '../../src/schemas/fields';

const problem = (typed: string) => {
  const result = optionalPhone.safeParse(typed);
  return result.success ? null : result.error.issues.map((i) => i.message);
};

describe('optionalPhone', () => {
  it('takes mainland mobiles and landlines as typed, and a blank as none', () => {
    for (const typed of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '010-6552 9988', '021 5555 6666']) {
      expect(optionalPhone.parse(typed)).toBe(typed.trim());
    }
    expect(optionalPhone.parse('')).toBeNull();
  });

  it('says which fix a refused number needs: its characters, or its length', () => {
    expect(problem('138abc00138')).toEqual(['must be a phone number of digits, spaces or dashes']);
    expect(problem('123456')).toEqual(['has too few or too many digits to be a phone number (a mobile number has 11)']);
    expect(problem('1380013800012345')).toEqual(['has too few or too many digits to be a phone number (a mobile number has 11)']);
  });
});

describe('text fields refuse what cannot be stored or read back', () => {
  const messagesOf = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ message: string }> } } }, typed: unknown) =>
    schema.safeParse(typed).error?.issues.map((i) => i.message) ?? [];

  it.each([
    ['NUL', 'Li\u0000Ming', /NUL character \(U\+0000 at character 3\): it cannot be stored/],
    ['a lone high surrogate', 'Li\ud83dMing', /lone UTF-16 surrogate, U\+D83D at character 3/],
    ['a lone low surrogate', '\ude00', /lone UTF-16 surrogate, U\+DE00 at character 1/],
    ['a bell', 'Li\u0007', /control characters or line breaks \(U\+0007/],
    ['DEL', 'Li\u007f', /control characters or line breaks \(U\+007F/],
    ['a C1 control', 'Li\u0085', /control characters or line breaks \(U\+0085/],
    ['a line break', 'Li\nMing', /control characters or line breaks \(U\+000A/],
    ['a tab', 'Li\tMing', /control characters or line breaks \(U\+0009/],
    ['a right-to-left override', 'Li\u202eMing', /text-direction overrides \(U\+202E/],
  ])('one line refuses %s, saying only why', (_label, typed, reason) => {
    expect(messagesOf(trimmed(80), typed)).toEqual([expect.stringMatching(reason)]);
  });

  it('several lines take line breaks and tabs, and refuse every other control character', () => {
    expect(trimmedLines(300).parse('  第一行\r\n\t第二行  ')).toBe('第一行\r\n\t第二行');
    expect(messagesOf(trimmedLines(300), 'a\u000bb')).toEqual([expect.stringMatching(/other than line breaks and tabs \(U\+000B/)]);
    expect(messagesOf(trimmedLines(300), 'a\u0000b')).toEqual([expect.stringMatching(/NUL/)]);
  });

  it('takes any other text, surrogate pairs and direction marks included', () => {
    for (const typed of ['李秀英', 'Zoë O’Brien', '👨‍👩‍👧 family', 'مرحبا\u200f', '𠀋 rare hanzi']) expect(trimmed(80).parse(typed)).toBe(typed);
  });

  it('the phone and the e-mail refuse such characters with the same reason', () => {
    expect(messagesOf(optionalPhone, '138\u00000013 8000')).toEqual([expect.stringMatching(/NUL/)]);
    expect(messagesOf(optionalEmail, 'li@example.org\u0000')).toEqual([expect.stringMatching(/NUL/)]);
    expect(messagesOf(optionalEmail, 'li\u0007@example.org')).toEqual([expect.stringMatching(/control characters/)]);
    expect(optionalEmail.parse(' li@example.org ')).toBe('li@example.org');
  });

  it('whatever is accepted holds no control character and is well formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (typed) => {
        const result = trimmed(80).safeParse(typed);
        if (result.success) expect(result.data).not.toMatch(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        else expect(result.error.issues).toHaveLength(1);
      })
    );
  });
});

describe('notifyBy on a request (the enrolment form stands for both forms)', () => {
  const request = (extra: Record<string, unknown>) => ({ course: 'calligraphy', name: '王奶奶', phone: '13800138000', email: null, consentVersion: '0123456789ab', ...extra });
  const paths = (extra: Record<string, unknown>) => enrolmentRequestSchema.safeParse(request(extra)).error?.issues.map((i) => i.path.join('.')) ?? [];

  it('asks for consent to the privacy notice: unticked (absent or null) is required, anything else must be a version', () => {
    const issues = (extra: Record<string, unknown>) => enrolmentRequestSchema.safeParse(request(extra)).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(issues({ consentVersion: undefined })).toEqual([['consentVersion', 'is required: read the privacy notice and tick the box to agree']]);
    expect(issues({ consentVersion: null })).toEqual([['consentVersion', 'is required: read the privacy notice and tick the box to agree']]);
    expect(issues({ consentVersion: 'yes' })).toEqual([['consentVersion', 'must be the version of the privacy notice shown by the form']]);
    expect(issues({})).toEqual([]);
    // Left out altogether, as a form that never had the box would send.
    const { consentVersion: _left, ...without } = request({});
    expect(enrolmentRequestSchema.safeParse(without).error?.issues.map((i) => i.path.join('.'))).toEqual(['consentVersion']);
    const desk = { kind: 'course', activity: 'abcdefghijklmnopqrstuvwx', name: '王奶奶', phone: '13800138000' };
    expect(staffEnrolmentSchema.safeParse(desk).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['consentConfirmed', 'is required: confirm the person heard the privacy notice and agreed']]);
    expect(staffEnrolmentSchema.safeParse({ ...desk, consentConfirmed: true }).success).toBe(true);
  });

  it('fills in the default once the request is valid: mail when an address is given, else a call', () => {
    expect(enrolmentRequestSchema.parse(request({})).notifyBy).toBe('call');
    expect(enrolmentRequestSchema.parse(request({ email: 'wang@example.cn' })).notifyBy).toBe('email');
    expect(enrolmentRequestSchema.parse(request({ email: 'wang@example.cn', notifyBy: 'sms' })).notifyBy).toBe('sms');
  });

  it('leaves a number that is no phone number at all to phone, and refuses a fixed line for text messages on notifyBy', () => {
    expect(paths({ notifyBy: 'sms', phone: '138abc' })).toEqual(['phone']);
    expect(paths({ notifyBy: 'sms', phone: '010-6552 9988' })).toEqual(['notifyBy']);
    expect(paths({ notifyBy: 'call', phone: '010-6552 9988' })).toEqual([]);
  });
});
