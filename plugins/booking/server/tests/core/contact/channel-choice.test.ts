import fc from 'fast-check';
import { chooseChannel, type AvailableChannels, type Recipient } from '../../../src/core/contact/channel-choice';

const EMAIL = 'wang@example.cn';
const MOBILE = '13800138000';
const ALL: AvailableChannels = { sms: true, email: true };

const who = (notifyBy: Recipient['notifyBy'], details: { email?: string | null; phone?: string | null } = {}): Recipient => ({
  email: details.email === undefined ? EMAIL : details.email,
  phone: details.phone === undefined ? MOBILE : details.phone,
  notifyBy,
});

describe('chooseChannel', () => {
  describe('the chosen channel, when it can reach them', () => {
    it.each([
      ['email', 'email'],
      ['sms', 'sms'],
      ['call', 'call'],
    ] as const)('%s → %s', (notifyBy, channel) => {
      expect(chooseChannel(who(notifyBy), ALL)).toBe(channel);
    });
  });

  describe('a booking made before residents chose', () => {
    it('is mailed when it gave an address', () => {
      expect(chooseChannel(who(null), ALL)).toBe('email');
    });
    it('is called when it gave only a phone number (never a text message it did not ask for)', () => {
      expect(chooseChannel(who(null, { email: null }), ALL)).toBe('call');
    });
    it('is called when it gave an address but mail does not go out', () => {
      expect(chooseChannel(who(null), { sms: true, email: false })).toBe('call');
    });
  });

  describe('sms chosen', () => {
    it('falls back to mail when this kind of message has no text-message provider', () => {
      expect(chooseChannel(who('sms'), { sms: false, email: true })).toBe('email');
    });
    it('falls back to a call without a provider and without an address', () => {
      expect(chooseChannel(who('sms', { email: null }), { sms: false, email: true })).toBe('call');
    });
    it('falls back to a call without a provider when mail does not go out either', () => {
      expect(chooseChannel(who('sms'), { sms: false, email: false })).toBe('call');
    });
    it('is not sent without a number (a row older than the rules): mail instead', () => {
      expect(chooseChannel(who('sms', { phone: null }), ALL)).toBe('email');
    });
    it('does not need mail to go out', () => {
      expect(chooseChannel(who('sms', { email: null }), { sms: true, email: false })).toBe('sms');
    });
  });

  describe('email chosen', () => {
    it('falls back to a call when mail does not go out, even if text messages could', () => {
      expect(chooseChannel(who('email'), { sms: true, email: false })).toBe('call');
    });
    it('falls back to a call without an address', () => {
      expect(chooseChannel(who('email', { email: null }), ALL)).toBe('call');
    });
  });

  describe('call chosen', () => {
    it('stays a call when mail and text messages could go out', () => {
      expect(chooseChannel(who('call'), ALL)).toBe('call');
    });
    it('without a number (a row older than the rules) is mailed when it can be', () => {
      expect(chooseChannel(who('call', { phone: null }), ALL)).toBe('email');
      expect(chooseChannel(who('call', { phone: null }), { sms: true, email: false })).toBe('call');
    });
  });

  it('property: text messages go only to those who chose them and have a number, mail only to an address, and something is always chosen', () => {
    const detail = (value: string) => fc.constantFrom<string | null>(value, null, '');
    fc.assert(
      fc.property(
        fc.constantFrom<Recipient['notifyBy']>('email', 'sms', 'call', null),
        detail(EMAIL),
        detail(MOBILE),
        fc.boolean(),
        fc.boolean(),
        (notifyBy, email, phone, sms, mail) => {
          const channel = chooseChannel({ notifyBy, email, phone }, { sms, email: mail });
          expect(['email', 'sms', 'call']).toContain(channel);
          if (channel === 'sms') expect(notifyBy === 'sms' && Boolean(phone) && sms).toBe(true);
          if (channel === 'email') expect(Boolean(email) && mail).toBe(true);
          // What was chosen and can be used is used.
          if (notifyBy === 'email' && email && mail) expect(channel).toBe('email');
          if (notifyBy === 'sms' && phone && sms) expect(channel).toBe('sms');
          if (notifyBy === 'call' && phone) expect(channel).toBe('call');
        }
      )
    );
  });
});
