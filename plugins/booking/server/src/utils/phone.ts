/** The phone rule lives in shared/ so the admin panel's forms check numbers exactly as the API does. */
export { isPhoneShaped, normalisePhone, phoneKey } from '../../../shared/phone';
export { isMobileNumber } from '../../../shared/mobile-phone';
