/**
 * A phone as the printed sign-in sheet shows it: its last four digits only, enough for a resident
 * to find their line, while the sheet lying on the desk gives nobody's number away.
 */
export const maskPhone = (phone: string | null | undefined): string => {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length === 0 ? '' : `****${digits.slice(-4)}`;
};
