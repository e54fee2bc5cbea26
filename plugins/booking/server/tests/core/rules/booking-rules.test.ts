import { ZodError } from 'zod';
import { DEFAULT_RULES, bookingRulesSchema, resolveRules } from '../../../src/core/rules/booking-rules';

const problems = (input: unknown) => {
  const result = bookingRulesSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('DEFAULT_RULES', () => {
  it('holds the documented defaults', () => {
    expect(DEFAULT_RULES).toEqual({
      slotMinutes: 30,
      minMinutes: 30,
      maxMinutes: 240,
      bufferMinutes: 0,
      minNoticeMinutes: 120,
      maxAdvanceDays: 90,
      requiresApproval: true,
      weeklyQuotaHours: null,
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
  });
});

describe('resolveRules', () => {
  it('returns the defaults for nothing, null or an empty object', () => {
    expect(resolveRules(undefined)).toEqual(DEFAULT_RULES);
    expect(resolveRules(null)).toEqual(DEFAULT_RULES);
    expect(resolveRules({})).toEqual(DEFAULT_RULES);
  });

  it('merges overrides over the defaults', () => {
    expect(resolveRules({ slotMinutes: 60, minMinutes: 60, bufferMinutes: 15, weeklyQuotaHours: 6, requiresApproval: false })).toEqual({
      ...DEFAULT_RULES,
      slotMinutes: 60,
      minMinutes: 60,
      bufferMinutes: 15,
      weeklyQuotaHours: 6,
      requiresApproval: false,
    });
  });

  it('treats undefined fields as absent and null quota as no limit', () => {
    expect(resolveRules({ slotMinutes: undefined, weeklyQuotaHours: null })).toEqual(DEFAULT_RULES);
  });

  it('allows zero notice, zero buffer and same-day-only booking', () => {
    expect(resolveRules({ minNoticeMinutes: 0, bufferMinutes: 0, maxAdvanceDays: 0 })).toMatchObject({ minNoticeMinutes: 0, maxAdvanceDays: 0 });
  });

  it('allows min equal to max', () => {
    expect(resolveRules({ minMinutes: 60, maxMinutes: 60 })).toMatchObject({ minMinutes: 60, maxMinutes: 60 });
  });

  it('throws a ZodError for nonsense', () => {
    expect(() => resolveRules({ slotMinutes: 7 })).toThrow(ZodError);
  });
});

describe('bookingRulesSchema rejects nonsense with clear messages', () => {
  it.each([
    [{ slotMinutes: 7, minMinutes: 7, maxMinutes: 7 }, 'slotMinutes: slotMinutes (7) must divide a day of 1440 minutes evenly (e.g. 15, 30, 60)'],
    [{ slotMinutes: 0 }, 'slotMinutes: slotMinutes must be at least 1'],
    [{ slotMinutes: 15.5 }, 'slotMinutes: slotMinutes must be a whole number of minutes'],
    [{ minMinutes: 45 }, 'minMinutes: minMinutes (45) must be a multiple of slotMinutes (30)'],
    [{ maxMinutes: 100 }, 'maxMinutes: maxMinutes (100) must be a multiple of slotMinutes (30)'],
    [{ minMinutes: 300 }, 'minMinutes: minMinutes (300) must not exceed maxMinutes (240)'],
    [{ bufferMinutes: -5 }, 'bufferMinutes: bufferMinutes must not be negative'],
    [{ minNoticeMinutes: -1 }, 'minNoticeMinutes: minNoticeMinutes must not be negative'],
    [{ maxAdvanceDays: -1 }, 'maxAdvanceDays: maxAdvanceDays must not be negative'],
    [{ maxAdvanceDays: 100000 }, 'maxAdvanceDays: maxAdvanceDays must be at most 3660'],
    [{ weeklyQuotaHours: 0 }, 'weeklyQuotaHours: weeklyQuotaHours must be more than 0 (use null for no limit)'],
    [{ weeklyQuotaHours: 200 }, 'weeklyQuotaHours: weeklyQuotaHours must be at most 168'],
    [{ requiresApproval: 'yes' }, 'requiresApproval: requiresApproval must be true or false'],
    [{ slotMinutes: '30' }, 'slotMinutes: slotMinutes must be a number of minutes'],
    [{ slotMinute: 30 }, ': unknown rule "slotMinute"'],
    ['strict', ': booking rules must be an object'],
  ])('%j', (input, message) => {
    expect(problems(input)).toContain(message);
  });

  it('reports every cross-field problem at once', () => {
    expect(problems({ slotMinutes: 60, minMinutes: 90, maxMinutes: 30 })).toEqual([
      'minMinutes: minMinutes (90) must be a multiple of slotMinutes (60)',
      'maxMinutes: maxMinutes (30) must be a multiple of slotMinutes (60)',
      'minMinutes: minMinutes (90) must not exceed maxMinutes (30)',
    ]);
  });

  it('accepts every slot length that divides a day', () => {
    for (const slot of [1, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440]) {
      expect(problems({ slotMinutes: slot, minMinutes: slot, maxMinutes: slot })).toEqual([]);
    }
    expect(problems({ slotMinutes: 50, minMinutes: 50, maxMinutes: 50 })).toHaveLength(1);
  });
});
