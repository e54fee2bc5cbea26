import type { Core } from '@strapi/strapi';
import { addDays, getISODay } from 'date-fns';
import { loadDemoCategories } from './categories';
import { demoCalendar } from './demo-dates';

const UID = { course: 'plugin::booking.course', event: 'plugin::booking.event' } as const;
const ROOM_UID = 'plugin::booking.room';

type Kind = keyof typeof UID;
type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface ActivityText {
  title: string;
  summary: string;
  description: string;
  audience: string;
  organiser: string;
  /** Where an activity without a room takes place. */
  location?: string;
}

export interface DemoActivity {
  kind: Kind;
  slug: string;
  category: string;
  /** A room's slug; absent for what happens outdoors. */
  room?: string;
  capacity: number;
  schedule: Record<string, unknown>;
  enrolmentMode?: 'term' | 'session';
  registrationEnabled?: boolean;
  forChildren?: boolean;
  waitlistEnabled?: boolean;
  maxPeoplePerEnrolment?: number;
  enrolmentOpensAt?: string;
  enrolmentClosesAt?: string;
  audienceMinAge?: number;
  audienceMaxAge?: number;
  sortOrder: number;
  zh: ActivityText;
  en: ActivityText;
}

/** Public holidays on fixed dates (New Year's Day, Labour Day week, National Day week): no classes. */
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-02', '05-03', '05-04', '05-05', '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'];
export const isPublicHoliday = (date: string) => FIXED_HOLIDAYS.includes(date.slice(5));

/**
 * Dates relative to today in the centre's zone: a term that began four weeks ago (so reports have
 * past sessions) and runs ten weeks ahead (so the timetable is full).
 */
export const demoTerm = (tz: string) => {
  const { today, at, date } = demoCalendar(tz);
  const monday = addDays(today, 1 - getISODay(today));
  /** The date of an ISO weekday (1 = Monday) in the week `weeks` from this one. */
  const day = (isoWeekday: number, weeks: number) => date(addDays(monday, 7 * weeks + isoWeekday - 1));
  /** The same, moved a week on while it falls on a public holiday, for one-off events. */
  const workingDay = (isoWeekday: number, weeks: number) => {
    let w = weeks;
    while (isPublicHoliday(day(isoWeekday, w))) w += 1;
    return day(isoWeekday, w);
  };
  const instant = (isoDate: string, time: string) => {
    const [y, m, d] = isoDate.split('-').map(Number);
    return at(new Date(y, m - 1, d), time);
  };
  /** A day of the month `months` from this one, as YYYY-MM-DD. */
  const monthFromNow = (months: number, dayOfMonth: number) => date(new Date(today.getFullYear(), today.getMonth() + months, dayOfMonth));
  return { day, workingDay, instant, monthFromNow, start: day(1, -4), end: day(5, 10), daysFromToday: (n: number) => date(addDays(today, n)) };
};

type Term = ReturnType<typeof demoTerm>;

const datesBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
};
const weekdayOf = (isoDate: string) => WEEKDAYS[(new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7];

/** A weekly schedule that skips the public holidays falling on its days. */
const weekly = (weekdays: Weekday[], startDate: string, endDate: string, startTime: string, durationMinutes: number) => {
  const exceptions = datesBetween(startDate, endDate).filter((d) => isPublicHoliday(d) && weekdays.includes(weekdayOf(d)));
  return { frequency: 'weekly', weekdays, startDate, endDate, startTime, durationMinutes, ...(exceptions.length ? { exceptions } : {}) };
};
const once = (date: string, startTime: string, durationMinutes: number) => ({ frequency: 'once', startDate: date, endDate: date, startTime, durationMinutes });

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const zhDate = (isoDate: string) => `${Number(isoDate.slice(5, 7))}月${Number(isoDate.slice(8, 10))}日`;
const enDate = (isoDate: string) => `${Number(isoDate.slice(8, 10))} ${EN_MONTHS[Number(isoDate.slice(5, 7)) - 1]}`;

/** A real centre's term: the after-school class, evening classes, the weekly film, talks, rehearsals and the days everyone comes to. */
export const demoActivities = (t: Term): DemoActivity[] => [
  {
    kind: 'course',
    slug: 'after-school-class',
    category: 'after-school',
    room: 'childrens-room',
    capacity: 40,
    enrolmentMode: 'term',
    waitlistEnabled: true,
    maxPeoplePerEnrolment: 1,
    // A guardian enrols each child: their consent, the child's given name and grade, who may collect them.
    forChildren: true,
    // Parents enrol in the three weeks before term; the waiting list stays open until four weeks before the end.
    enrolmentOpensAt: t.instant(t.day(1, -7), '09:00'),
    enrolmentClosesAt: t.instant(t.day(5, 6), '18:00'),
    audienceMinAge: 6,
    audienceMaxAge: 10,
    schedule: weekly(['mon', 'tue', 'wed', 'thu', 'fri'], t.start, t.end, '16:30', 90),
    sortOrder: 1,
    zh: {
      title: '四点半课堂',
      summary: '放学后来中心写作业，志愿者老师辅导，家长下班再来接。周二练书法，周四学葫芦丝。免费，共40个名额。',
      audience: '辖区小学一至四年级学生',
      organiser: '社区党群服务中心、志愿者老师',
      description: `放学后，孩子们可以来中心完成作业，安心等家长下班来接。

- **时间**：周一至周五 16:30–18:00（法定节假日和学校假期休息）
- **地点**：一楼未成年人活动室
- **内容**：志愿者老师辅导作业；每周二加一节书法课，每周四学葫芦丝
- **费用**：全部免费

每个孩子报一个名额。报名时请在**备注**里写上孩子的姓名和年级，例如“王小明，二年级”。名额满后进入候补名单，有空位时我们按顺序电话通知。

孩子第一次来的时候，请家长一起到一楼服务台，登记接送人的信息。`,
    },
    en: {
      title: 'After-school class',
      summary: 'Children come to the centre after school to do their homework with volunteer teachers until their parents pick them up. Calligraphy on Tuesdays, cucurbit flute on Thursdays. Free, 40 places.',
      audience: 'Pupils in years 1–4 living in the community',
      organiser: 'The community service centre and volunteer teachers',
      description: `After school, children can do their homework at the centre and wait safely until their parents finish work.

- **When**: Monday to Friday, 16:30–18:00 (not on public holidays or in school holidays)
- **Where**: children's activity room, ground floor
- **What**: volunteer teachers help with homework; calligraphy on Tuesdays and cucurbit flute (hulusi) on Thursdays
- **Cost**: free

One place per child. When you enrol, please write your child's name and school year in the **note**, for example "Wang Xiaoming, year 2". When the class is full, children go on the waiting list, and we phone in turn when a place frees up.

On the first day, please come with your child to the front desk on the ground floor to register who will pick them up.`,
    },
  },
  {
    kind: 'course',
    slug: 'calligraphy',
    category: 'culture-arts',
    room: 'training-room',
    capacity: 20,
    enrolmentMode: 'term',
    maxPeoplePerEnrolment: 1,
    enrolmentOpensAt: t.instant(t.day(1, -6), '09:00'),
    // Beginners may still join in the first half of the term.
    enrolmentClosesAt: t.instant(t.day(2, 2), '19:00'),
    schedule: weekly(['tue'], t.start, t.end, '19:00', 90),
    sortOrder: 2,
    zh: {
      title: '书法班',
      summary: '退休语文老师志愿授课，从握笔、基本笔画学起，零基础也能跟上。笔墨纸砚中心提供。',
      audience: '成年居民，零基础欢迎',
      organiser: '社区书画协会',
      description: `每周二晚上，在二楼党员教育室练毛笔字。

老师是社区里的退休语文老师，从怎么握笔、怎么写好一横一竖教起，再临写楷书字帖。每次课都有一对一的指点，写得慢没关系。

笔、墨、纸和字帖由中心提供，也欢迎带上自己的毛笔。学期末会在一楼大厅办一次学员作品展。`,
    },
    en: {
      title: 'Calligraphy class',
      summary: 'Brush calligraphy taught by a retired Chinese teacher, starting with how to hold the brush. Beginners welcome; brushes, ink and paper provided.',
      audience: 'Adult residents; beginners welcome',
      organiser: 'Community Painting and Calligraphy Society',
      description: `Every Tuesday evening in the training room on the first floor.

The teacher, a retired Chinese teacher from our community, starts with how to hold the brush and write the basic strokes, then moves on to copying regular script. Everyone gets one-to-one help, so there is no need to hurry.

Brushes, ink, paper and copybooks are provided, or bring your own brush. At the end of the term, the class shows its work in the ground-floor lobby.`,
    },
  },
  {
    kind: 'course',
    slug: 'hulusi-and-erhu',
    category: 'culture-arts',
    room: 'training-room',
    capacity: 15,
    enrolmentMode: 'term',
    maxPeoplePerEnrolment: 1,
    enrolmentOpensAt: t.instant(t.day(1, -6), '09:00'),
    enrolmentClosesAt: t.instant(t.day(4, 2), '19:00'),
    schedule: weekly(['thu'], t.start, t.end, '19:00', 90),
    sortOrder: 3,
    zh: {
      title: '葫芦丝、二胡班',
      summary: '跟着社区民乐队的老师学葫芦丝或二胡，一学期学会三首曲子。中心有乐器可以借用。',
      audience: '成年居民，零基础欢迎',
      organiser: '社区民乐队',
      description: `每周四晚上，社区民乐队的老师教葫芦丝和二胡，两种乐器分组上课。

葫芦丝容易上手，第一节课就能吹出音阶；二胡难一些，老师会慢慢带。这学期的目标是学会《月光下的凤尾竹》等三首曲子，学期末和文艺表演队一起登台。

没有乐器的学员可以借用中心的葫芦丝和二胡，上课时领取，下课后归还。`,
    },
    en: {
      title: 'Cucurbit flute and erhu class',
      summary: 'Learn the cucurbit flute (hulusi) or the erhu with teachers from the community folk band: three tunes in a term. Instruments to borrow.',
      audience: 'Adult residents; beginners welcome',
      organiser: 'Community Folk Music Band',
      description: `Every Thursday evening, teachers from the community folk band teach the cucurbit flute (hulusi) and the two-stringed erhu, in two groups.

The hulusi is easy to start: you will play a scale in the first lesson. The erhu takes longer, and the teacher goes at your pace. This term's aim is three tunes, including "Phoenix Tail Bamboo in the Moonlight", played on stage with the art troupe at the end of term.

If you have no instrument, borrow one of the centre's at the start of the class and return it at the end.`,
    },
  },
  {
    kind: 'course',
    slug: 'smartphone-class-for-seniors',
    category: 'seniors',
    room: 'training-room',
    capacity: 20,
    enrolmentMode: 'term',
    maxPeoplePerEnrolment: 1,
    enrolmentOpensAt: t.instant(t.daysFromToday(-10), '09:00'),
    audienceMinAge: 60,
    // A new six-week course starting next week: enrolment is open until the first class.
    schedule: weekly(['fri'], t.day(5, 1), t.day(5, 6), '14:30', 90),
    sortOrder: 4,
    zh: {
      title: '老年人智能手机课',
      summary: '手把手教您用手机视频通话、扫码、挂号和识别诈骗信息。六次课，请带上自己的手机。',
      audience: '60岁以上的老人',
      organiser: '社区志愿服务队',
      description: `很多事都要用手机办，别着急，我们一步一步教。

六次课，每次一个主题：

1. 打电话、发语音、视频通话
2. 扫码、出示健康码和乘车码
3. 手机挂号、查看检查报告
4. 手机支付和防范诈骗
5. 拍照片、发给家人
6. 看新闻、听戏、字体调大

每两位老人配一名志愿者，请带上自己的手机和充电器。`,
    },
    en: {
      title: 'Smartphone class for seniors',
      summary: 'Step by step: video calls, scanning QR codes, booking a doctor and spotting scams on your phone. Six classes; bring your own phone.',
      audience: 'Residents aged 60 and over',
      organiser: 'Community volunteer team',
      description: `So much now needs a phone. Don't worry: we go one step at a time.

Six classes, one topic each:

1. Calls, voice messages and video calls
2. Scanning QR codes, showing your travel and bus codes
3. Booking a doctor and reading test results
4. Paying by phone, and spotting scams
5. Taking photos and sending them to family
6. News, opera and bigger text

There is one volunteer for every two learners. Please bring your own phone and charger.`,
    },
  },
  {
    kind: 'course',
    slug: 'art-troupe-rehearsal',
    category: 'culture-arts',
    room: 'multi-purpose-hall',
    capacity: 30,
    registrationEnabled: false,
    schedule: weekly(['mon'], t.start, t.end, '19:00', 90),
    sortOrder: 5,
    zh: {
      title: '文艺表演队排练',
      summary: '社区文艺表演队每周一晚上排练舞蹈和小品，欢迎来看，也欢迎加入。不用报名。',
      audience: '所有居民',
      organiser: '社区文艺表演队',
      description: `文艺表演队每周一晚上在多功能厅排练，正在准备邻里节的舞蹈和小品。

不用报名，想看的邻居直接来；想加入的，排练结束后找队长聊聊。`,
    },
    en: {
      title: 'Art troupe rehearsal',
      summary: "The community art troupe rehearses dances and sketches every Monday evening. Come and watch, or join in. No need to sign up.",
      audience: 'Everyone',
      organiser: 'Community Art Troupe',
      description: `The art troupe rehearses every Monday evening in the multi-purpose hall. Right now they are preparing dances and sketches for the neighbourhood festival.

No need to sign up: just come along to watch. If you would like to join, have a word with the troupe leader after the rehearsal.`,
    },
  },
  {
    kind: 'course',
    slug: 'opera-fans-rehearsal',
    category: 'culture-arts',
    room: 'multi-purpose-hall',
    capacity: 25,
    registrationEnabled: false,
    schedule: weekly(['fri'], t.start, t.end, '14:30', 120),
    sortOrder: 6,
    zh: {
      title: '戏迷协会排练',
      summary: '京剧、越剧票友每周五下午聚在一起，有琴师伴奏，想唱就上来唱两句。不用报名。',
      audience: '戏曲爱好者',
      organiser: '社区戏迷协会',
      description: `每周五下午，戏迷协会在多功能厅排练，京胡、二胡现场伴奏。

京剧、越剧、黄梅戏都有人唱。不会唱也可以来听，想唱就上来唱两句，老票友会给您说戏。不用报名。`,
    },
    en: {
      title: 'Opera fans rehearsal',
      summary: 'Fans of Peking opera and Yue opera meet every Friday afternoon with live accompaniment. Sing a few lines, or just listen. No need to sign up.',
      audience: 'Chinese opera lovers',
      organiser: 'Community Opera Fans Association',
      description: `Every Friday afternoon the opera fans rehearse in the multi-purpose hall, with live jinghu and erhu accompaniment.

Members sing Peking opera, Yue opera and Huangmei opera. Come to listen, or step up and sing a few lines: the old hands are happy to coach you. No need to sign up.`,
    },
  },
  {
    kind: 'event',
    slug: 'wednesday-film',
    category: 'films',
    room: 'screening-room',
    capacity: 60,
    enrolmentMode: 'session',
    maxPeoplePerEnrolment: 2,
    schedule: weekly(['wed'], t.start, t.end, '14:30', 120),
    sortOrder: 1,
    zh: {
      title: '每周三红色观影',
      summary: '每周三下午在二楼红色影院放一部经典老电影，免费观看。每场60个座位，可以提前占座。',
      audience: '所有居民，老年朋友尤其欢迎',
      organiser: '社区党群服务中心',
      description: `每周三下午两点半，二楼红色影院放映经典影片，《地道战》《闪闪的红星》《英雄儿女》《我和我的祖国》……本月片单贴在一楼公告栏。

免费观看，每场60个座位。可以在网上为自己和家人占座（每次最多2人），也可以直接来，有空位就能进。

影院有电梯直达，放映前15分钟开门。`,
    },
    en: {
      title: 'Wednesday film',
      summary: 'A classic Chinese film every Wednesday afternoon in the screening room on the first floor. Free; 60 seats, which you can reserve.',
      audience: 'Everyone, older neighbours especially welcome',
      organiser: 'The community service centre',
      description: `Every Wednesday at 14:30 the screening room on the first floor shows a classic Chinese film: "Tunnel Warfare", "Sparkling Red Star", "Heroic Sons and Daughters", "My People, My Country"… This month's list is on the notice board on the ground floor.

Free, 60 seats. Reserve seats online for yourself and one more person, or just come along: if there is a free seat, it is yours.

The lift goes straight to the screening room; doors open 15 minutes before the film.`,
    },
  },
  {
    kind: 'event',
    slug: 'medicine-safety-talk',
    category: 'health',
    room: 'multi-purpose-hall',
    capacity: 80,
    maxPeoplePerEnrolment: 2,
    schedule: once(t.workingDay(5, -2), '09:30', 90),
    sortOrder: 10,
    zh: {
      title: '知识讲座：老年人安全用药',
      summary: '社区卫生服务中心的药师讲：几种药一起吃要注意什么，保健品能不能代替药。可以带上药盒来问。',
      audience: '老年人和家属',
      organiser: '社区卫生服务中心',
      description: `家里老人一天吃好几种药？社区卫生服务中心的药师来讲讲安全用药：

- 哪些药不能一起吃
- 漏服了怎么办
- 保健品能不能代替药

讲座后可以带上自己的药盒，请药师当面看看。`,
    },
    en: {
      title: 'Talk: taking medicines safely',
      summary: 'A pharmacist from the community health centre on taking several medicines together, and whether supplements can replace them. Bring your pill boxes.',
      audience: 'Older residents and their families',
      organiser: 'Community health centre',
      description: `Taking several medicines a day? A pharmacist from the community health centre explains how to take them safely:

- which medicines should not be taken together
- what to do if you miss a dose
- whether supplements can replace medicines

After the talk, bring your own pill boxes and ask the pharmacist in person.`,
    },
  },
  {
    kind: 'event',
    slug: 'fraud-prevention-talk',
    category: 'seniors',
    room: 'multi-purpose-hall',
    capacity: 100,
    maxPeoplePerEnrolment: 2,
    schedule: once(t.workingDay(3, 1), '09:30', 90),
    sortOrder: 11,
    zh: {
      title: '防诈骗讲座：守好养老钱',
      summary: '派出所民警讲最近的真实案例：保健品、“以房养老”、冒充公检法。教您三招识破骗局。',
      audience: '老年人和家属',
      organiser: '辖区派出所、社区居委会',
      description: `骗子专挑老人下手：免费领鸡蛋、高价保健品、“以房养老”、冒充公检法打电话……辖区派出所的民警来讲讲最近发生在身边的真实案例，教大家三招识破骗局。

讲座后发放防诈骗手册。欢迎子女陪老人一起来。`,
    },
    en: {
      title: 'Talk: protect your savings from scams',
      summary: 'A police officer from the local station tells real recent cases: health products, "house for pension" schemes, fake police calls, and three ways to spot a scam.',
      audience: 'Older residents and their families',
      organiser: 'Local police station and the residents’ committee',
      description: `Scammers target older people: free eggs, overpriced health products, "house for pension" schemes, phone calls pretending to be the police… An officer from our local police station explains real cases from our area, and three simple ways to spot a scam.

Everyone gets an anti-fraud booklet. Children are welcome to come with their parents.`,
    },
  },
  {
    kind: 'event',
    slug: 'blood-pressure-talk',
    category: 'health',
    room: 'multi-purpose-hall',
    capacity: 80,
    maxPeoplePerEnrolment: 2,
    schedule: once(t.workingDay(5, 2), '09:30', 90),
    sortOrder: 12,
    zh: {
      title: '健康讲座：高血压、糖尿病的日常管理',
      summary: '家庭医生讲怎么吃、怎么动、怎么在家量血压血糖。讲座后免费测血压。',
      audience: '居民，慢性病患者和家属',
      organiser: '社区卫生服务中心',
      description: `高血压、糖尿病要靠平时管。社区卫生服务中心的家庭医生来讲：

- 少盐少糖怎么做才好吃
- 什么运动适合自己
- 在家怎么量血压、测血糖，记下来给医生看

讲座后免费测血压，可以现场签约家庭医生。`,
    },
    en: {
      title: 'Health talk: living with high blood pressure and diabetes',
      summary: 'A family doctor on eating well, staying active, and checking blood pressure and sugar at home. Free blood pressure checks afterwards.',
      audience: 'Residents with a long-term condition, and their families',
      organiser: 'Community health centre',
      description: `High blood pressure and diabetes are managed day by day. A family doctor from the community health centre explains:

- how to cook with less salt and sugar and still enjoy it
- which exercise suits you
- how to check your blood pressure and sugar at home, and keep a record for your doctor

Free blood pressure checks after the talk; you can also sign up with a family doctor on the spot.`,
    },
  },
  {
    kind: 'event',
    slug: 'homework-habits-talk',
    category: 'learning',
    room: 'multi-purpose-hall',
    capacity: 80,
    maxPeoplePerEnrolment: 2,
    schedule: once(t.workingDay(3, 3), '19:00', 90),
    sortOrder: 13,
    zh: {
      title: '家庭教育讲座：孩子写作业拖拉怎么办',
      summary: '小学老师和心理咨询师和家长聊聊：怎么陪孩子写作业，不吼不急。晚上开讲，下班也能来。',
      audience: '小学生家长',
      organiser: '社区妇女之家、心理咨询室',
      description: `孩子写作业磨蹭、一催就哭？小学老师和社区心理咨询师和家长们聊一聊：

- 怎么帮孩子安排放学后的时间
- 陪写作业时家长该做什么、不该做什么
- 孩子有情绪时怎么沟通

讲座在晚上，下班后也能赶上。四点半课堂的家长优先。`,
    },
    en: {
      title: 'Parenting talk: when homework takes all evening',
      summary: 'A primary teacher and a counsellor talk with parents about helping with homework without shouting. In the evening, after work.',
      audience: 'Parents of primary school pupils',
      organiser: "Women's centre and counselling room",
      description: `Does homework drag on all evening, with tears when you push? A primary school teacher and the community counsellor talk with parents about:

- planning the time after school
- what to do, and not do, when you sit with your child
- talking with your child when feelings run high

The talk is in the evening, so you can come after work. Parents of the after-school class first.`,
    },
  },
  {
    kind: 'event',
    slug: 'picture-book-story-time',
    category: 'children',
    room: 'childrens-room',
    capacity: 20,
    enrolmentMode: 'session',
    maxPeoplePerEnrolment: 3,
    audienceMinAge: 3,
    audienceMaxAge: 8,
    schedule: { frequency: 'monthly', byWeekday: 'sat', nth: 2, startDate: t.start, endDate: t.end, startTime: '10:00', durationMinutes: 60 },
    sortOrder: 20,
    zh: {
      title: '绘本故事会',
      summary: '每月第二个周六上午，志愿者妈妈给孩子们讲绘本、做手工。请一位家长陪同。',
      audience: '3至8岁的孩子和家长',
      organiser: '社区妇女之家',
      description: `每月第二个周六上午，志愿者妈妈在未成年人活动室讲绘本，讲完一起做个小手工带回家。

每场20个位置（孩子和家长都算），报名时填上一起来的人数。`,
    },
    en: {
      title: 'Picture-book story time',
      summary: 'On the second Saturday morning of every month, volunteer mums read picture books with children and make a small craft. One parent comes along.',
      audience: 'Children aged 3 to 8 with a parent',
      organiser: "Women's centre",
      description: `On the second Saturday morning of every month, volunteer mums read picture books in the children's activity room, then everyone makes a small craft to take home.

20 places a session (children and parents both count): say how many of you are coming when you sign up.`,
    },
  },
  {
    kind: 'event',
    slug: 'volunteers-day',
    category: 'volunteering',
    capacity: 200,
    registrationEnabled: false,
    schedule: { frequency: 'monthly', byMonthDay: 10, startDate: t.monthFromNow(-3, 1), endDate: t.monthFromNow(12, 10), startTime: '09:00', durationMinutes: 150 },
    sortOrder: 2,
    zh: {
      title: '每月10日机关党员进社区活动日',
      summary: '结对单位的党员志愿者来社区：义诊量血压、磨剪刀、修小家电、法律咨询，上门看望独居老人。',
      audience: '所有居民',
      organiser: '结对共建单位、社区志愿服务队',
      location: '中心门前小广场（下雨改在一楼大厅）',
      description: `每月10日上午，结对单位的机关党员和社区志愿服务队一起为居民服务：

- 社区医生义诊、量血压
- 磨剪刀、修小家电、配钥匙
- 法律和社保政策咨询
- 上门看望独居老人和困难家庭

不用报名，直接来。家里有东西要修，或者想请志愿者上门帮忙，可以提前到一楼服务台登记。`,
    },
    en: {
      title: "Volunteers' day on the 10th of every month",
      summary: 'Volunteers from our partner government offices come to the community: free health checks, knife sharpening, repairs, legal advice, and visits to neighbours who live alone.',
      audience: 'Everyone',
      organiser: 'Partner offices and the community volunteer team',
      location: 'The square in front of the centre (the ground-floor lobby if it rains)',
      description: `On the morning of the 10th of every month, party members from our partner government offices and the community's volunteer team serve residents:

- free advice and blood pressure checks from community doctors
- knife sharpening, small appliance repairs and key cutting
- advice on legal questions and social insurance
- home visits to elderly people living alone and families in difficulty

No need to sign up: just come. If something at home needs fixing, or you would like a volunteer to visit, put your name down at the front desk beforehand.`,
    },
  },
  {
    kind: 'event',
    slug: 'neighbourhood-festival',
    category: 'culture-arts',
    capacity: 300,
    enrolmentMode: 'term',
    maxPeoplePerEnrolment: 5,
    waitlistEnabled: true,
    // A holiday weekend suits a festival: no dates are skipped.
    schedule: { frequency: 'weekly', weekdays: ['sat', 'sun'], startDate: t.day(6, 3), endDate: t.day(7, 3), startTime: '09:00', durationMinutes: 450 },
    sortOrder: 3,
    zh: {
      title: '邻里节',
      summary: `${zhDate(t.day(6, 3))}（周六）和${zhDate(t.day(7, 3))}（周日），跳蚤市场、便民服务、百家宴和文艺汇演。百家宴请提前报名，每户最多5人。`,
      audience: '所有居民和家人',
      organiser: '社区居委会、党群服务中心',
      location: '中心门前小广场',
      description: `邻里节来啦！周六、周日两天，中心门前的小广场热热闹闹：

- **周六**：跳蚤市场（孩子们可以拿闲置玩具和图书来换），便民服务摊，义诊量血压
- **周日**：中午百家宴，每家带一道拿手菜；下午文艺汇演，文艺表演队、红歌协会、戏迷协会和四点半课堂的孩子们都会上台

逛市场、看演出不用报名。**百家宴需要报名**，每户最多5人，报名时写上您准备带的菜。

想摆摊或者当志愿者的居民，请到一楼服务台登记。`,
    },
    en: {
      title: 'Neighbourhood festival',
      summary: `Saturday ${enDate(t.day(6, 3))} and Sunday ${enDate(t.day(7, 3))} on the square: a flea market, service stalls, a shared lunch and a show. Sign up for the shared lunch, up to 5 per household.`,
      audience: 'All residents and their families',
      organiser: "The residents' committee and the service centre",
      location: 'The square in front of the centre',
      description: `The neighbourhood festival is here! For a whole weekend the square in front of the centre is full of life:

- **Saturday**: a flea market (children can swap toys and books they have outgrown), service stalls and free blood pressure checks
- **Sunday**: the shared lunch at noon, where every family brings its best dish; in the afternoon a show by the art troupe, the red-song choir, the opera fans and the children of the after-school class

The market and the show need no sign-up. **Please sign up for the shared lunch**, up to 5 people per household, and tell us which dish you will bring.

If you would like a stall, or to help as a volunteer, put your name down at the front desk.`,
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Demo people: invented names, 139… numbers and example.org addresses. None of them may appear in a
// public answer; tests/integration/demo-content.test.ts checks that.

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严武戴莫孔汤';
const ADULT_NAMES = ['秀英', '桂芳', '建华', '志刚', '丽娟', '海燕', '玉兰', '国庆', '淑华', '德明', '凤英', '春生', '美玲', '振华', '秀珍', '卫东', '红梅', '建军', '素芬', '永强', '晓燕', '文静', '立新', '翠萍'];
const PARENT_NAMES = ['晓丽', '海涛', '佳慧', '俊峰', '雪梅', '志远', '婷婷', '宏伟', '静怡', '晨阳', '丹丹', '一鸣', '倩倩', '浩然', '思琪', '建宇'];
const CHILD_NAMES = ['梓涵', '子轩', '浩宇', '欣怡', '一诺', '梓萱', '宇轩', '诗涵', '俊熙', '若汐', '沐宸', '雨桐', '思远', '嘉怡', '皓轩', '语桐', '明哲', '可馨', '天佑', '心悦'];
/** The same grades as the API takes them (shared/school-grade.ts). */
const GRADE_CODES = ['1', '2', '3', '4'];

export interface DemoPerson {
  name: string;
  phone: string;
  email: string | null;
  note?: string;
  people?: number;
  language?: 'zh-CN' | 'en';
  /** A parent: the child they enrol in the after-school class, and who else may collect them. */
  child?: { childName: string; childGrade: string; collectors: Array<{ name: string; phone: string }> };
}

const surname = (i: number) => SURNAMES[(i * 7) % SURNAMES.length];

/** Residents who enrol in classes, talks and films (the same neighbours turn up at several). */
export const demoResidents: DemoPerson[] = Array.from({ length: 60 }, (_, i) => ({
  name: `${surname(i)}${ADULT_NAMES[i % ADULT_NAMES.length]}`,
  phone: `1390101${String(1000 + i)}`,
  email: i % 4 === 0 ? `resident${i + 1}@example.org` : null,
}));

/** Parents who enrolled a child in the after-school class: 40 places, then three on the waiting list. */
export const demoParents: DemoPerson[] = Array.from({ length: 43 }, (_, i) => {
  const family = surname(i + 11);
  return {
    name: `${family}${PARENT_NAMES[i % PARENT_NAMES.length]}`,
    phone: `1390202${String(1000 + i)}`,
    email: i % 3 === 0 ? `parent${i + 1}@example.org` : null,
    child: {
      childName: CHILD_NAMES[i % CHILD_NAMES.length],
      childGrade: GRADE_CODES[i % GRADE_CODES.length],
      // Some families name a grandparent who collects the child.
      collectors: i % 4 === 0 ? [{ name: `${family}奶奶`, phone: `1370202${String(1000 + i)}` }] : [],
    },
  };
});
// One family that writes in English.
demoParents[17] = { name: 'Anna Zhou', phone: '13902021017', email: 'anna.zhou@example.org', language: 'en', child: { childName: 'Leo', childGrade: '2', collectors: [] } };

/** Everything the demo people typed, for checking that none of it is ever shown in public. */
export const demoPersonalData = (): string[] =>
  [...demoResidents, ...demoParents].flatMap((p) =>
    [p.name, p.phone, p.email, p.note, p.child?.childName, ...(p.child?.collectors ?? []).flatMap((c) => [c.name, c.phone])].filter((v): v is string => !!v)
  );

// ---------------------------------------------------------------------------------------------

/**
 * Creates the categories and activities in Chinese and English, publishes them (which generates
 * their sessions and room holds), and enrols the demo people through the booking plugin's own
 * enrolment service, so places and waiting lists are counted exactly as in real use.
 * Call after the rooms exist; the times avoid the demo reservations.
 */
export const loadDemoActivities = async (strapi: Core.Strapi, tz: string): Promise<void> => {
  if ((await strapi.db.query(UID.course).count()) > 0 || (await strapi.db.query(UID.event).count()) > 0) return;
  const t = demoTerm(tz);
  const categories = await loadDemoCategories(strapi);
  const rooms = new Map<string, string>();
  for (const room of (await strapi.documents(ROOM_UID as any).findMany({ locale: 'zh-CN', fields: ['slug'] } as any)) as any[]) rooms.set(room.slug, room.documentId);

  const link = (documentId: string | undefined, locale: string) => (documentId ? { connect: [{ documentId, locale }] } : undefined);
  for (const a of demoActivities(t)) {
    const { kind, category, room, zh, en, ...fields } = a;
    const uid = UID[kind] as any;
    const roomId = room ? rooms.get(room) : undefined;
    if (room && !roomId) throw new Error(`Demo activity ${a.slug}: there is no room "${room}"`);
    const relations = (locale: string) => ({ category: link(categories[category], locale), ...(roomId ? { room: link(roomId, locale) } : {}) });
    const created = await strapi.documents(uid).create({ locale: 'zh-CN', data: { ...fields, ...zh, ...relations('zh-CN') } as any });
    await strapi.documents(uid).update({ documentId: created.documentId, locale: 'en', data: { ...fields, ...en, ...relations('en') } as any });
    await strapi.documents(uid).publish({ documentId: created.documentId, locale: '*' });
  }

  await enrolDemoPeople(strapi, t);
};

const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3600_000);

/** Enrolments as residents made them, each at a moment when enrolment was open. */
const enrolDemoPeople = async (strapi: Core.Strapi, t: Term): Promise<void> => {
  const booking = strapi.plugin('booking');
  const enrolments = booking.service('enrolments');
  const activities = booking.service('activities');
  const byslug = new Map(demoActivities(t).map((a) => [a.slug, a]));
  // Each person ticked the consent box by the privacy notice in their language.
  const notices = booking.service('privacyNotice');
  const consentVersion = { 'zh-CN': (await notices.current('zh-CN')).version, en: (await notices.current('en')).version };
  const enrol = (target: Record<string, string>, p: DemoPerson, now: Date, people = p.people ?? 1) =>
    enrolments.enrol(
      {
        ...target,
        name: p.name,
        phone: p.phone,
        email: p.email,
        people,
        note: p.note ?? null,
        language: p.language ?? 'zh-CN',
        consentVersion: consentVersion[p.language ?? 'zh-CN'],
        ...(target.course === 'after-school-class' && p.child ? { ...p.child, guardianConsent: true } : {}),
      },
      { now }
    );

  // The after-school class filled up on the first morning; three more families are waiting.
  const afterSchoolOpens = byslug.get('after-school-class')!.enrolmentOpensAt!;
  for (const [i, parent] of demoParents.entries()) {
    const when = i < 40 ? hoursAfter(afterSchoolOpens, i * 0.1) : hoursAfter(afterSchoolOpens, 24 * (3 + (i - 40) * 9));
    await enrol({ course: 'after-school-class' }, parent, when);
  }

  // Term courses, before and in the first weeks of term.
  const termCourse = async (slug: string, people: DemoPerson[]) => {
    const opens = byslug.get(slug)!.enrolmentOpensAt!;
    for (const [i, p] of people.entries()) await enrol({ course: slug }, p, hoursAfter(opens, 6 + i * 13));
  };
  await termCourse('calligraphy', demoResidents.slice(0, 17));
  await termCourse('hulusi-and-erhu', demoResidents.slice(20, 31));
  await termCourse('smartphone-class-for-seniors', demoResidents.slice(40, 49));

  // Talks: the one two weeks ago was well attended; the coming ones are filling up, a sign-up an hour.
  const talk = async (slug: string, people: DemoPerson[]) => {
    for (const [i, p] of people.entries()) await enrol({ event: slug }, p, new Date(Date.now() - (people.length - i) * 3600_000), i % 3 === 0 ? 2 : 1);
  };
  const medicineTalk = byslug.get('medicine-safety-talk')!.schedule as { startDate: string; startTime: string };
  for (const [i, p] of demoResidents.slice(10, 46).entries()) {
    await enrol({ event: 'medicine-safety-talk' }, p, hoursAfter(t.instant(medicineTalk.startDate, medicineTalk.startTime), -120 + i), i % 4 === 0 ? 2 : 1);
  }
  await talk('fraud-prevention-talk', demoResidents.slice(25, 52));
  await talk('blood-pressure-talk', demoResidents.slice(5, 18));
  await talk('homework-habits-talk', demoParents.slice(0, 9));

  // Seats for the next two films and the next story time.
  const upcoming = async (slug: string) => ((await activities.detail('event', slug)).sessions as { id: string; start: string }[]).filter((s) => Date.parse(s.start) > Date.now());
  const [nextFilm, filmAfter] = await upcoming('wednesday-film');
  const seats = async (session: { id: string } | undefined, people: DemoPerson[], every: number) => {
    if (!session) return;
    for (const [i, p] of people.entries()) await enrol({ session: session.id }, p, new Date(), i % every === 0 ? 2 : 1);
  };
  await seats(nextFilm, demoResidents.slice(30, 52), 3);
  await seats(filmAfter, demoResidents.slice(52, 60), 4);
  const [nextStory] = await upcoming('picture-book-story-time');
  await seats(nextStory, demoParents.slice(20, 25), 1);

  // Families signing up for the festival's shared lunch.
  for (const [i, p] of [...demoResidents.slice(0, 8), ...demoParents.slice(30, 36)].entries()) {
    await enrol({ event: 'neighbourhood-festival' }, p, new Date(), 2 + (i % 4));
  }
};
