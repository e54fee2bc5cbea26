import { DEFAULT_PRIVACY_NOTICE, NOTICE_VERSION_PATTERN, noticeVersion } from '../../../src/core/privacy/notice';

describe('noticeVersion', () => {
  it('names one text: the same words give the same version, any change another', () => {
    const text = DEFAULT_PRIVACY_NOTICE['zh-CN'];
    expect(noticeVersion(text)).toMatch(NOTICE_VERSION_PATTERN);
    expect(noticeVersion(`  ${text}\n`)).toBe(noticeVersion(text));
    expect(noticeVersion(text.replace('12个月', '6个月'))).not.toBe(noticeVersion(text));
    expect(noticeVersion(DEFAULT_PRIVACY_NOTICE.en)).not.toBe(noticeVersion(text));
  });

  it('the default notice says what is collected, why, for how long, who sees it and how to ask for deletion, in both languages', () => {
    expect(DEFAULT_PRIVACY_NOTICE['zh-CN']).toEqual(expect.stringMatching(/姓名.*电话[\s\S]*用于[\s\S]*12个月[\s\S]*工作人员[\s\S]*删除/));
    expect(DEFAULT_PRIVACY_NOTICE.en).toEqual(expect.stringMatching(/name.*phone[\s\S]*only to[\s\S]*12 months[\s\S]*staff[\s\S]*delete/));
  });
});
