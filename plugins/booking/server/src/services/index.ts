import activities from './activities';
import activityReport from './activity-report';
import sessionStaff from './session-staff';
import availability from './availability';
import enrolmentNotifications from './enrolment-notifications';
import enrolments from './enrolments';
import sessionSync from './session-sync';
import closureImpact from './closure-impact';
import notifications from './notifications';
import reservationManage from './reservation-manage';
import reservationRequests from './reservation-requests';
import reservationStaff from './reservation-staff';
import rooms from './rooms';

export default { rooms, availability, reservationRequests, reservationManage, reservationStaff, notifications, closureImpact, activities, enrolments, enrolmentNotifications, sessionSync, sessionStaff, activityReport };
