import { violation } from '../../../src/core/rules/violations';

// How the HTTP shell answers each code (a 400 naming the field, the reason and the code) is
// tested through the real CMS, one case per code, in tests/integration/reservations-create.test.ts.
describe('violation', () => {
  it('builds a violation with path, code and message', () => {
    expect(violation('start', 'in_the_past', 'must not be in the past')).toEqual({
      path: 'start',
      code: 'in_the_past',
      message: 'must not be in the past',
    });
  });
});
