/** People holding a confirmed place (waiting and cancelled enrolments take none). */
export const confirmedPeople = (rows: readonly { status: string; people: number }[]): number =>
  rows.filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.people, 0);
