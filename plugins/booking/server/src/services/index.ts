import activities from './activities';
import activityDesk from './activity-desk';
import activityReport from './activity-report';
import auditLog from './audit-log';
import availability from './availability';
import board from './board';
import calendarFeeds from './calendar-feeds';
import callList from './call-list';
import cantCome from './cant-come';
import closureImpact from './closure-impact';
import closures from './closures';
import enrolments from './enrolments';
import findBookings from './find-bookings';
import jobs from './jobs';
import messageLog from './message-log';
import outbox from './outbox';
import personalData from './personal-data';
import retention from './retention';
import privacyNotice from './privacy-notice';
import reservationManage from './reservation-manage';
import reservationRequests from './reservation-requests';
import reminderSweep from './reminder-sweep';
import reservationStaff from './reservation-staff';
import rooms from './rooms';
import serviceReport from './service-report';
import sessionAttendance from './session-attendance';
import sessionChanges from './session-changes';
import sessionDay from './session-day';
import sessionRoster from './session-roster';
import sessionSync from './session-sync';
import textGuard from './text-guard';

export default {
  rooms,
  availability,
  reservationRequests,
  reservationManage,
  reservationStaff,
  reminderSweep,
  closureImpact,
  closures,
  board,
  activities,
  activityDesk,
  enrolments,
  findBookings,
  sessionSync,
  sessionRoster,
  sessionAttendance,
  sessionChanges,
  sessionDay,
  activityReport,
  serviceReport,
  calendarFeeds,
  cantCome,
  textGuard,
  jobs,
  outbox,
  messageLog,
  callList,
  retention,
  personalData,
  auditLog,
  privacyNotice,
};
