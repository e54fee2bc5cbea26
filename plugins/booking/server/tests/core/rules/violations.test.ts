import { violation, type ViolationCode } from '../../../src/core/rules/violations';

describe('violation', () => {
  it('builds a violation with path, code and message', () => {
    expect(violation('start', 'in_the_past', 'must not be in the past')).toEqual({
      path: 'start',
      code: 'in_the_past',
      message: 'must not be in the past',
    });
  });

  it('covers the codes the HTTP shell maps to messages', () => {
    const codes: ViolationCode[] = [
      'not_on_slot_grid',
      'too_short',
      'too_long',
      'end_not_after_start',
      'outside_opening_hours',
      'in_closure',
      'in_the_past',
      'under_minimum_notice',
      'too_far_ahead',
      'over_capacity',
      'over_weekly_quota',
      'series_too_long',
    ];
    expect(new Set(codes.map((c) => violation('x', c, 'm').code)).size).toBe(12);
  });
});
