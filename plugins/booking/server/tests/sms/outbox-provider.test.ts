import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { smsText } from '../../src/messages/sms-texts';
import { outboxSmsProvider, type SmsOutboxFile } from '../../src/sms/outbox-provider';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-sms-outbox-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const files = (dir: string) => fs.readdirSync(dir).sort();
const readAll = (dir: string): SmsOutboxFile[] => files(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));

const facts = {
  kind: 'reminder' as const,
  language: 'zh-CN' as const,
  name: '张阿姨',
  what: '太极拳入门',
  when: '11月24日 周二 09:00–10:00',
  link: 'https://linli.example/c/#k=7Hq2',
};

describe('SMS outbox provider', () => {
  it('writes one JSON file per message with what the resident would read', async () => {
    const dir = path.join(tmp, 'nested', '.sms');
    const provider = outboxSmsProvider(dir);
    const { params, text } = smsText(facts);
    const before = Date.now();
    const result = await provider.send({ phone: '+8613800138000', kind: 'reminder', templateId: 'outbox:reminder', params, text });

    expect(files(dir)).toEqual([result.id]);
    expect(result.id).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-\d{6}-[0-9a-f]{6}\.json$/);
    expect(result.answer).toBe(`written to ${path.join(dir, result.id!)}`);
    const [written] = readAll(dir);
    expect(written).toEqual({
      to: '+8613800138000',
      kind: 'reminder',
      templateId: 'outbox:reminder',
      params: ['张阿姨', '太极拳入门', '11月24日 周二 09:00–10:00', 'c/#k=7Hq2'],
      text: '张阿姨您好，温馨提醒：太极拳入门，时间11月24日 周二 09:00–10:00。去不了请点：https://linli.example/c/#k=7Hq2',
      sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(Date.parse(written.sentAt)).toBeGreaterThanOrEqual(before);
  });

  it('names files so that they sort in the order of sending, even within one millisecond, and recreates a removed folder', async () => {
    const provider = outboxSmsProvider(tmp);
    fs.rmSync(tmp, { recursive: true });
    const kinds = ['reservation.received', 'reservation.confirmed', 'reminder', 'session.moved', 'enrolment.promoted'] as const;
    await Promise.all(kinds.map((kind) => provider.send({ phone: '+8613800138000', kind, templateId: `outbox:${kind}`, params: [], text: kind })));
    expect(readAll(tmp).map((m) => m.kind)).toEqual([...kinds]);
    // No temporary file is left behind.
    expect(files(tmp).every((f) => f.endsWith('.json') && !f.startsWith('.'))).toBe(true);
  });

  describe('its folder', () => {
    const saved = process.env.SMS_OUTBOX_DIR;
    afterEach(() => {
      if (saved === undefined) delete process.env.SMS_OUTBOX_DIR;
      else process.env.SMS_OUTBOX_DIR = saved;
      jest.restoreAllMocks();
    });

    it('is SMS_OUTBOX_DIR when none is given, else .sms in the working directory', () => {
      process.env.SMS_OUTBOX_DIR = path.join(tmp, 'from-env');
      expect(outboxSmsProvider(null).dir).toBe(path.join(tmp, 'from-env'));
      expect(outboxSmsProvider(path.join(tmp, 'given')).dir).toBe(path.join(tmp, 'given'));
      delete process.env.SMS_OUTBOX_DIR;
      jest.spyOn(process, 'cwd').mockReturnValue(tmp);
      expect(outboxSmsProvider(undefined).dir).toBe(path.join(tmp, '.sms'));
    });
  });
});
