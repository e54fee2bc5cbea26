import { centreTime, stateLabel } from '../../../../../../../plugins/booking/admin/src/utils/message-labels';

const t = (_id: string, fallback: string) => fallback;

describe('centreTime', () => {
  it('reads the wall clock the API wrote with the centre’s offset, whatever the browser’s zone', () => {
    expect(centreTime('2026-11-30T23:05:00+08:00')).toBe('2026-11-30 23:05');
  });
  it('leaves nothing for no time', () => {
    expect(centreTime(null)).toBe('');
  });
});

describe('stateLabel', () => {
  it('says a call’s state as whoever rings says it', () => {
    expect(stateLabel('sent', 'call', t)).toBe('Reached');
    expect(stateLabel('failed', 'call', t)).toBe('Not reached');
    expect(stateLabel('queued', 'call', t)).toBe('To ring');
  });
  it('says a mail’s state as a delivery', () => {
    expect(stateLabel('sent', 'email', t)).toBe('Sent');
    expect(stateLabel('retrying', 'sms', t)).toBe('Failed, will retry');
  });
});
