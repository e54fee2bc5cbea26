import adminActivities from './admin-activities';
import adminAudit from './admin-audit';
import adminBoard from './admin-board';
import adminClosures from './admin-closures';
import adminEnrolments from './admin-enrolments';
import adminMessages from './admin-messages';
import adminPersonalData from './admin-personal-data';
import adminReports from './admin-reports';
import adminReservations from './admin-reservations';
import activities from './activities';
import availability from './availability';
import calendar from './calendar';
import cantCome from './cant-come';
import enrolments from './enrolments';
import privacyNotice from './privacy-notice';
import reservations from './reservations';
import rooms from './rooms';

export default { rooms, availability, calendar, 'cant-come': cantCome, reservations, activities, enrolments, 'privacy-notice': privacyNotice, 'admin-reservations': adminReservations, 'admin-board': adminBoard, 'admin-closures': adminClosures, 'admin-activities': adminActivities, 'admin-enrolments': adminEnrolments, 'admin-messages': adminMessages, 'admin-audit': adminAudit, 'admin-personal-data': adminPersonalData, 'admin-reports': adminReports };
