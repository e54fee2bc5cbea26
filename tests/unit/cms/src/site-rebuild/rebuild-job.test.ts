import { hookBody } from '../../../../../cms/src/site-rebuild/build-hook';
import { reasonOf, retryWindow } from '../../../../../cms/src/site-rebuild/rebuild-job';

const config = { hookUrl: 'http://hook.test/', hookToken: '', timeoutMs: 1000, retryLimit: 5, retryDelaySeconds: 30 };

describe('the rebuild job', () => {
  it('reads a schedule’s empty data as the nightly rebuild, and a burst’s as its changes', () => {
    expect(reasonOf({})).toEqual({ nightly: true });
    expect(reasonOf(null)).toEqual({ nightly: true });
    const changes = [{ uid: 'api::news.news', action: 'publish', documentId: 'abc', locale: 'zh-CN' }];
    expect(reasonOf({ changes, total: 3 })).toEqual({ changes, total: 3 });
  });

  it('sends the nightly rebuild with the content event type, so a workflow listening for it rebuilds too', () => {
    expect(hookBody({ nightly: true })).toEqual({ event_type: 'linli-content-changed', client_payload: { total: 0, changes: [], nightly: true } });
    expect(hookBody({ changes: [], total: 2 })).toEqual({ event_type: 'linli-content-changed', client_payload: { total: 2, changes: [] } });
  });

  it('tells when the next retry comes: doubling from the first delay, within pg-boss’s jitter', () => {
    expect([1, 2, 3].map((attempt) => retryWindow(attempt, config, 'memory'))).toEqual(['30 s', '60 s', '120 s']);
    expect(retryWindow(2, config, 'pg-boss')).toBe('60–120 s');
  });
});
