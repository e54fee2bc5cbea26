import { asAdmin } from '../harness/admin';
import { startTestCms, type TestCms } from '../harness/cms';
import { at, createRoom, dayAhead, reservation } from '../harness/fixtures';

// Only PostgreSQL serves several CMS processes; there the database itself refuses an overlap.
describe('two CMS processes sharing one PostgreSQL', () => {
  let first: TestCms;
  let second: TestCms;

  beforeAll(async () => {
    first = await startTestCms();
    second = await startTestCms({ database: first.database });
    await createRoom(await asAdmin(first), { slug: 'test-room', requiresApproval: false });
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('40 requests for one slot split across both give exactly one booking', async () => {
    const date = dayAhead(2);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? first : second).request('POST', '/api/booking/reservations', {
          data: reservation({ start: at(date, '10:00'), end: at(date, '11:00'), contactName: `居民${i}`, email: `r${i}@example.org` }),
        })
      )
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(39);
    for (const cms of [first, second]) {
      const day = await cms.get(`/api/booking/rooms/test-room/availability?from=${date}&to=${date}`);
      expect(day.body.data.days[0].busy).toEqual([{ start: at(date, '10:00'), end: at(date, '11:00'), kind: 'reservation' }]);
    }
  });
});
