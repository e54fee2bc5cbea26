import { grantsToMake } from '../../src/bootstrap/public-permissions';

const [create, show, cancel, timetable] = ['reservations.create', 'reservations.show', 'reservations.cancel', 'activities.timetable'].map((h) => `plugin::booking.${h}`);

describe('grantsToMake', () => {
  it('grants every route on a fresh database and remembers them', () => {
    expect(grantsToMake([create, show], undefined, [])).toEqual({ grant: [create, show], offered: [create, show] });
  });

  it('does not grant again what staff took away', () => {
    expect(grantsToMake([create, show], [create, show], [show])).toEqual({ grant: [], offered: [create, show] });
  });

  it('grants a route a newer version added, once', () => {
    const first = grantsToMake([create, show, cancel], [create, show], [show]);
    expect(first).toEqual({ grant: [cancel], offered: [create, show, cancel] });
    expect(grantsToMake([create, show, cancel], first.offered, [show])).toEqual({ grant: [], offered: [create, show, cancel] });
  });

  it('keeps what a database from before the record holds, adding nothing', () => {
    expect(grantsToMake([create, show, timetable], undefined, [show, timetable])).toEqual({ grant: [], offered: [create, show, timetable] });
  });
});
