/** The staff API's service report (统计报表), as the server answers it and the admin panel reads it. */

/** Both days inclusive, YYYY-MM-DD on the centre's calendar. */
export interface ReportPeriod {
  from: string;
  to: string;
}

export interface CategoryFigure {
  slug: string | null;
  name: string | null;
  nameEn?: string | null;
  held: number;
  visits: number;
}

export interface RoomActivityFigure {
  slug: string | null;
  name: string | null;
  held: number;
  visits: number;
}

export interface AudienceFigure {
  audience: string | null;
  held: number;
  visits: number;
}

export interface RoomUseFigure {
  slug: string | null;
  name: string | null;
  hoursBooked: number;
  hoursUsed: number;
  openHours: number;
  /** 0..1: hours used against opening hours. */
  occupancy: number;
  groups: number;
  attendeesDeclared: number;
}

export interface Figures {
  activities: { held: number; cancelled: number; byCategory: CategoryFigure[]; byRoom: RoomActivityFigure[]; byAudience: AudienceFigure[] };
  visits: {
    /** present + walkIns (人次). */
    total: number;
    present: number;
    walkIns: number;
    /** Held sessions with no attendance marked, and the people enrolled in them. */
    sessionsUnmarked: number;
    enrolledInUnmarked: number;
    byMonth: { month: string; visits: number; held: number }[];
  };
  rooms: RoomUseFigure[];
  people: { unique: number; new: number };
  noShows: number;
  lateCancellations: number;
}

export interface SessionLine {
  date: string;
  /** HH:mm on the centre's clock. */
  start: string;
  end: string;
  activity: string;
  kind: 'course' | 'event';
  category: string | null;
  room: string | null;
  audience: string | null;
  status: 'held' | 'cancelled' | 'upcoming';
  enrolled: number;
  /** null: attendance not marked. */
  present: number | null;
  walkIns: number | null;
}

/** GET /booking/reports/service?from=YYYY-MM-DD&to=YYYY-MM-DD (also .xlsx and .csv). */
export namespace ServiceReport {
  export interface Response {
    data: {
      period: ReportPeriod;
      /** The same length just before. */
      previous: ReportPeriod;
      lastYear: ReportPeriod;
      current: Figures;
      previousFigures: Figures;
      lastYearFigures: Figures;
      sentences: { zh: string; en: string };
      sessions: SessionLine[];
    };
  }
}
