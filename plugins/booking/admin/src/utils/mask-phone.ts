/**
 * A phone as the printed sign-in sheet shows it: its last four digits only, enough for a resident
 * to find their line, while the sheet lying on the desk gives nobody's number away. The rule lives
 * in shared/, so the delivery log the server answers masks numbers the same way.
 */
export { maskPhone } from '../../../shared/mask-contact';
