import adminActivities from './admin-activities';
import adminBoard from './admin-board';
import adminClosures from './admin-closures';
import adminEnrolments from './admin-enrolments';
import adminMessages from './admin-messages';
import adminReports from './admin-reports';
import adminReservations from './admin-reservations';
import activities from './activities';
import availability from './availability';
import calendar from './calendar';
import cantCome from './cant-come';
import enrolments from './enrolments';
import reservations from './reservations';
import rooms from './rooms';

export default { rooms, availability, calendar, 'cant-come': cantCome, reservations, activities, enrolments, 'admin-reservations': adminReservations, 'admin-board': adminBoard, 'admin-closures': adminClosures, 'admin-activities': adminActivities, 'admin-enrolments': adminEnrolments, 'admin-messages': adminMessages, 'admin-reports': adminReports };
