// Jest cannot change the zone of the process it runs in: process.env.TZ in a test file is a copy
// the runtime never reads. host-zones.test.ts therefore runs the cases declared here again in
// child jest processes started with TZ set, and each child first proves it really has that zone.

/** Zones the children run in, with their UTC offsets as Date#getTimezoneOffset gives them (January, July 2026). */
export const HOST_ZONES: Record<string, [number, number]> = {
  'America/New_York': [300, 240],
  // +13:45 in the southern summer, +12:45 in winter: a zone no whole-hour shortcut survives.
  'Pacific/Chatham': [-825, -765],
  UTC: [0, 0],
};

/** The marker in the names of the cases the children run (jest's --testNamePattern). */
export const HOST_ZONE_MARKER = 'whatever the host zone';

/** The zone a child run was started in; undefined in the ordinary run. */
export const childHostZone = (): string | undefined => process.env.LINLI_HOST_ZONE;

/** Cases whose answers must not depend on the host's zone: run here and again in every zone of HOST_ZONES. */
export const describeWhateverTheHostZone = (name: string, cases: () => void) =>
  describe(`${name}, ${HOST_ZONE_MARKER}`, () => {
    const zone = childHostZone();
    if (zone) {
      it(`runs in the host zone ${zone}`, () => {
        const offsets = ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z'].map((t) => new Date(t).getTimezoneOffset());
        expect(offsets).toEqual(HOST_ZONES[zone]);
      });
    }
    cases();
  });
