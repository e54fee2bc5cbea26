/** Function rooms of a real neighbourhood service centre (see shared/DOMAIN.md). */
export interface DemoRoom {
  slug: string;
  capacity: number;
  sortOrder: number;
  /** The storey, as the centre numbers it (1 = ground floor). */
  floor: number;
  zh: { name: string; description: string; location: string; amenities: string; accessibility?: string };
  en: { name: string; description: string; location: string; amenities: string; accessibility?: string };
  bookable?: boolean;
  rules?: { requiresApproval?: boolean; bufferMinutes?: number; maxMinutes?: number; weeklyQuotaHours?: number };
}

export const demoRooms: DemoRoom[] = [
  {
    slug: 'multi-purpose-hall',
    rules: { requiresApproval: true, bufferMinutes: 30, maxMinutes: 240 },
    capacity: 120,
    sortOrder: 1,
    floor: 1,
    zh: {
      name: '多功能厅',
      description: '中心最大的活动空间，用于知识讲座、文艺排练、观影和四点半课堂。',
      location: '一楼东侧',
      amenities: '投影仪和幕布\n音响和两支无线话筒\n120把折叠椅\n舞蹈镜墙',
      accessibility: '无台阶入口，轮椅可达；设无障碍卫生间。',
    },
    en: {
      name: 'Multi-purpose hall',
      description: 'The largest space in the centre, for talks, rehearsals, film screenings and the after-school class.',
      location: 'Ground floor, east wing',
      amenities: 'Projector and screen\nSound system with two wireless microphones\n120 folding chairs\nMirror wall for dance',
      accessibility: 'Step-free entrance, wheelchair accessible; accessible toilet nearby.',
    },
  },
  {
    slug: 'reading-room',
    capacity: 30,
    sortOrder: 2,
    floor: 2,
    bookable: false,
    zh: {
      name: '图书阅览室',
      description: '安静阅读的地方，设有图书角和报刊架，开放时间内随时可来。',
      location: '二楼 201',
      amenities: '约3000册图书\n报刊架\n老花镜借用',
    },
    en: {
      name: 'Reading room',
      description: 'A quiet place to read, with a book corner and newspapers; drop in any time during opening hours.',
      location: 'First floor, room 201',
      amenities: 'About 3,000 books\nNewspapers and magazines\nReading glasses to borrow',
    },
  },
  {
    slug: 'council-hall',
    rules: { requiresApproval: false, maxMinutes: 180, weeklyQuotaHours: 6 },
    capacity: 24,
    sortOrder: 3,
    floor: 1,
    zh: {
      name: '五邻议事厅',
      description: '居民议事、五方协商和楼栋会议的场所。',
      location: '一楼 105',
      amenities: '会议桌，24个座位\n白板\n电视屏幕',
    },
    en: {
      name: 'Neighbourhood council hall',
      description: "Residents' meetings, five-party consultations and building meetings.",
      location: 'Ground floor, room 105',
      amenities: 'Meeting table with 24 seats\nWhiteboard\nTV screen',
    },
  },
  {
    slug: 'childrens-room',
    rules: { requiresApproval: true, maxMinutes: 180 },
    capacity: 40,
    sortOrder: 4,
    floor: 1,
    zh: {
      name: '未成年人活动室',
      description: '四点半课堂、作业辅导和亲子游戏。',
      location: '一楼 108',
      amenities: '儿童桌椅40套\n图书和棋类玩具\n饮水机',
    },
    en: {
      name: "Children's activity room",
      description: 'After-school homework club, tutoring and family games.',
      location: 'Ground floor, room 108',
      amenities: "40 children's desks and chairs\nBooks and board games\nWater dispenser",
    },
  },
  {
    slug: 'training-room',
    rules: { requiresApproval: false, bufferMinutes: 15 },
    capacity: 40,
    sortOrder: 5,
    floor: 2,
    zh: {
      name: '党员教育室',
      description: '志愿授课、党员教育和培训课程。',
      location: '二楼 203',
      amenities: '课桌椅40套\n投影仪\n书法桌',
    },
    en: {
      name: 'Training room',
      description: 'Volunteer-taught classes, party education and training courses.',
      location: 'First floor, room 203',
      amenities: '40 desks and chairs\nProjector\nCalligraphy tables',
    },
  },
  {
    slug: 'screening-room',
    rules: { requiresApproval: true, bufferMinutes: 30, maxMinutes: 240 },
    capacity: 60,
    sortOrder: 6,
    floor: 2,
    zh: {
      name: '红色影院',
      description: '每周三红色观影，也可预约放映。',
      location: '二楼 205',
      amenities: '60个座位\n投影和环绕声',
    },
    en: {
      name: 'Screening room',
      description: 'The weekly Wednesday film, and screenings on request.',
      location: 'First floor, room 205',
      amenities: '60 seats\nProjector and surround sound',
    },
  },
];
