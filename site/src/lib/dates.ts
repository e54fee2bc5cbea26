/** Today's date (YYYY-MM-DD) in the centre's zone. */
export const centreToday = (): string => {
  const zone = process.env.CENTRE_TIMEZONE || 'Asia/Shanghai';
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
};

/** Monday and Sunday of the ISO week holding `date`. */
export const weekOf = (date: string): { monday: string; sunday: string } => {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const offset = (day.getUTCDay() + 6) % 7;
  const iso = (n: number) => new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  return { monday: iso(-offset), sunday: iso(6 - offset) };
};
