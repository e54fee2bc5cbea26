/**
 * The service report (统计报表): GET /booking/reports/service?from&to, as the server answers it
 * and the admin panel reads it. What each figure means: README "Service reports".
 */

/** A period's dates, YYYY-MM-DD, both inclusive, on the centre's calendar. */
export interface ReportPeriod {
  from: string;
  to: string;
}

export interface Figures {
  activities: {
    held: number;
    cancelled: number;
    byCategory: { slug: string | null; name: string | null; nameEn: string | null; held: number; visits: number }[];
    byRoom: { slug: string | null; name: string | null; held: number; visits: number }[];
    byAudience: { audience: string | null; held: number; visits: number }[];
  };
  visits: {
    total: number;
    present: number;
    walkIns: number;
    sessionsUnmarked: number;
    enrolledInUnmarked: number;
    byMonth: { month: string; visits: number; held: number }[];
  };
  rooms: {
    slug: string;
    name: string;
    hoursBooked: number;
    hoursUsed: number;
    hoursActivities: number;
    openHours: number;
    occupancy: number;
    groups: number;
    attendeesDeclared: number;
  }[];
  people: { unique: number; new: number };
  noShows: number;
  lateCancellations: number;
  /** Rooms carry no no-show mark: no-shows count enrolments only. */
  noShowsCountRooms: false;
}

/** One session of the period, for the table (times HH:mm in the centre's zone). */
export interface SessionLine {
  date: string;
  start: string;
  end: string;
  activity: string;
  kind: 'course' | 'event';
  category: string | null;
  room: string | null;
  audience: string | null;
  status: 'held' | 'cancelled' | 'upcoming';
  enrolled: number;
  present: number | null;
  walkIns: number | null;
}

export interface ServiceReport {
  period: ReportPeriod;
  /** The month, quarter or year before a whole one; else as many days just before. */
  previous: ReportPeriod;
  /** The same dates a year earlier. */
  lastYear: ReportPeriod;
  current: Figures;
  previousFigures: Figures;
  lastYearFigures: Figures;
  sentences: { zh: string; en: string };
  sessions: SessionLine[];
}
