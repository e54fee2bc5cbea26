import attendance from './attendance';
import category from './category';
import centre from './centre';
import closure from './closure';
import course from './course';
import enrolment from './enrolment';
import event from './event';
import reservation from './reservation';
import room from './room';
import session from './session';

export default { centre, room, closure, reservation, category, course, event, session, enrolment, attendance };
