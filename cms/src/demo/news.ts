import type { Core } from '@strapi/strapi';
import { subDays } from 'date-fns';
import { demoCalendar } from './demo-dates';

const NEWS_UID = 'api::news.news';

interface NewsText {
  title: string;
  summary: string;
  body: string;
  /** One tag per line. */
  tags: string;
}

export interface DemoNews {
  slug: string;
  kind: 'news' | 'notice';
  /** Published this many days before today, so the demo never looks stale. */
  daysAgo: number;
  zh: NewsText;
  en: NewsText;
}

/** Six items of a real centre's news, newest first; `year` is the coming New Year's. */
export const demoNews = (year: number): DemoNews[] => [
  {
    slug: 'new-year-closure',
    kind: 'notice',
    daysAgo: 2,
    zh: {
      title: '元旦闭馆通知',
      summary: `${year}年1月1日（元旦）中心闭馆一天，1月2日起恢复正常开放。`,
      tags: '通知\n闭馆',
      body: `各位居民朋友：

根据元旦假期安排，社区党群服务中心将于**${year}年1月1日闭馆一天**，1月2日起恢复正常开放。

闭馆当天各功能室暂停使用，已经预约的团队请改约其他时间；四点半课堂同日停课。社区幸福大食堂的老年助餐照常供应，请从食堂侧门取餐。

如遇紧急情况，请拨打社区值班电话（见页面底部）。

祝大家新年快乐，阖家安康！

社区党群服务中心`,
    },
    en: {
      title: "Closed on New Year's Day",
      summary: `The centre is closed on 1 January ${year} (New Year's Day) and open as usual again from 2 January.`,
      tags: 'Notice\nClosure',
      body: `Dear neighbours,

For the New Year holiday the centre will be **closed on 1 January ${year}**. We are open as usual again from 2 January.

On that day the function rooms cannot be used: groups that have booked a room, please choose another day. There is no after-school class that day. Meals for seniors at the community canteen are served as usual: please collect them at the canteen's side door.

In an emergency, call the community's duty phone (at the bottom of every page).

Happy New Year to you and your family!

The community service centre`,
    },
  },
  {
    slug: 'free-health-check-for-seniors',
    kind: 'news',
    daysAgo: 6,
    zh: {
      title: '居家养老服务站免费体检开始预约',
      summary: '辖区60周岁以上老人可免费体检，含血压、血糖、血脂、心电图和B超，带上身份证和医保卡就能预约。',
      tags: '居家养老\n健康\n老年人',
      body: `居家养老服务站联合社区卫生服务中心，为辖区60周岁以上的老人提供一次免费健康体检。

**体检项目**：身高体重、血压、血糖、血脂、心电图、腹部B超。医生当场解读结果，给出饮食和用药方面的建议。

**时间地点**：每周二、周四上午 8:30–10:30，一楼居家养老服务站。查血糖、血脂需要空腹，体检当天请不要吃早饭，可以带点吃的，体检完再吃。

**怎么预约**：带上身份证和医保卡到一楼服务台登记，也可以请子女打电话帮忙预约。每天限40人。行动不便的老人，可以登记请医生上门。

体检报告一周后到服务站领取，也可以请网格员送到家里。有什么看不懂的地方，随时来问。`,
    },
    en: {
      title: 'Free health check for seniors: book now',
      summary: 'Residents aged 60 and over can have a free check-up: blood pressure, blood sugar, cholesterol, ECG and ultrasound. Bring your ID card and medical insurance card to book.',
      tags: 'Senior care\nHealth\nSeniors',
      body: `The senior care station and the community health centre offer every resident aged 60 and over a free health check.

**What is checked**: height and weight, blood pressure, blood sugar, cholesterol, an ECG and an abdominal ultrasound. A doctor explains the results on the spot and gives advice on diet and medicines.

**When and where**: Tuesday and Thursday mornings, 8:30–10:30, at the senior care station on the ground floor. The blood tests need an empty stomach: please skip breakfast that day, and bring something to eat afterwards.

**How to book**: bring your ID card and medical insurance card to the front desk on the ground floor, or ask your children to phone us for you. Up to 40 people a day. If you cannot easily leave home, ask for a doctor's home visit.

The results are ready a week later at the senior care station, or your grid worker can bring them to your home. If anything in them is unclear, just come and ask.`,
    },
  },
  {
    slug: 'volunteers-day',
    kind: 'news',
    daysAgo: 10,
    zh: {
      title: '每月10日，机关党员进社区',
      summary: '最近一次活动日，32名机关党员志愿者来到社区，义诊、修家电、陪老人聊天，服务居民460余人次。',
      tags: '志愿服务\n党员活动日',
      body: `每月10日是“机关党员进社区活动日”。最近一次活动日，结对单位的32名党员志愿者走进社区，和社区志愿服务队一起为居民服务。

中心门口摆起了便民服务摊：磨剪刀、修小家电、配钥匙，社区卫生服务中心的医生义诊、量血压。多功能厅里，法律工作者开了一场“老年人防范养老诈骗”知识讲座，六十多位老人听得认真，问得也仔细。

另一组志愿者上门走访了辖区的独居老人和困难家庭，帮忙打扫卫生，问问他们最近有什么难处。一天下来，共服务居民460余人次。

下一个活动日是下个月的10日。家里有要修的小物件，或者有事想请志愿者帮忙，可以提前到服务台登记。`,
    },
    en: {
      title: "The 10th of every month: volunteers' day",
      summary: 'On the last volunteers\' day, 32 volunteers from local government offices came to the community: free medical advice, repairs, and time with elderly neighbours. 460+ person-visits.',
      tags: 'Volunteering\nVolunteers\' day',
      body: `The 10th of every month is the day when party members from government offices come to help in the community. On the last one, 32 volunteers from our partner offices worked alongside the community's own volunteer team.

At the entrance they set up service stalls: knife sharpening, small appliance repairs, key cutting, and doctors from the community health centre giving free advice and blood pressure checks. In the multi-purpose hall a legal worker gave a talk on how older people can spot pension scams; more than sixty seniors listened closely and asked plenty of questions.

Another group visited elderly people living alone and families in difficulty, helped with cleaning and asked what they need. Over the day the volunteers served residents more than 460 times.

The next volunteers' day is the 10th of next month. If you have something that needs fixing, or would like a volunteer's help, put your name down at the front desk.`,
    },
  },
  {
    slug: 'after-school-class-new-term',
    kind: 'news',
    daysAgo: 20,
    zh: {
      title: '四点半课堂新学期招生',
      summary: '面向辖区小学一至四年级学生，工作日16:30–18:00，作业辅导加书法、葫芦丝兴趣课，免费，共40个名额。',
      tags: '四点半课堂\n儿童\n报名',
      body: `新学期的四点半课堂开始报名了！放学后，孩子们可以在中心完成作业，安心等家长下班来接。

**课堂安排**

- 时间：周一至周五 16:30–18:00（法定节假日和学校假期休息）
- 地点：一楼未成年人活动室
- 对象：辖区小学一至四年级学生
- 内容：志愿者老师辅导作业；每周二书法课，每周四葫芦丝兴趣课
- 费用：全部免费

**怎么报名**

共40个名额。请家长在本网站报名，或到一楼服务台登记孩子的姓名、年级和家长电话。名额满后进入候补名单，有空位时我们按顺序电话通知。

孩子第一次来的时候，请家长一起到服务台，登记接送人的信息。也欢迎有教学经验的居民加入志愿者老师队伍。`,
    },
    en: {
      title: 'After-school class: enrolment for the new term',
      summary: 'For pupils in years 1–4 living in the community: weekdays 16:30–18:00, homework help plus calligraphy and cucurbit flute. Free, 40 places.',
      tags: 'After-school class\nChildren\nEnrolment',
      body: `Enrolment for the new term of the after-school class is open! After school, children can do their homework at the centre and wait safely until their parents finish work.

**The class**

- When: Monday to Friday, 16:30–18:00 (not on public holidays or school holidays)
- Where: children's activity room, ground floor
- Who: pupils in years 1 to 4 of primary school living in the community
- What: volunteer teachers help with homework; calligraphy on Tuesdays, cucurbit flute (hulusi) on Thursdays
- Cost: free

**How to enrol**

There are 40 places. Parents can enrol on this website, or give the child's name, school year and a parent's phone number at the front desk on the ground floor. When the class is full, children go on a waiting list, and we phone in turn when a place frees up.

On the first day, please come with your child to the front desk to register who will pick them up. Residents with teaching experience are welcome to join our volunteer teachers.`,
    },
  },
  {
    slug: 'neighbourhood-festival',
    kind: 'news',
    daysAgo: 35,
    zh: {
      title: '邻里节：一场百家宴，三百多位邻居',
      summary: '跳蚤市场、百家宴、文艺汇演……今年的社区邻里节热热闹闹，全天1200余人次参加。',
      tags: '邻里节\n社区活动',
      body: `一年一度的社区邻里节在中心前的小广场举办。上午九点刚过，广场上就热闹起来：跳蚤市场摆了四十多个摊位，孩子们用闲置的玩具和图书换到了新宝贝；居家养老服务站的志愿者给老人量血压，讲防诈骗知识。

中午的百家宴最受欢迎。各楼栋的居民端来了拿手菜，红烧肉、韭菜盒子、桂花糕摆满了二十张长桌，三百多位邻居坐在一起，边吃边聊，不少住了多年的老邻居这才第一次坐下来好好说说话。

下午的文艺汇演上，社区文艺表演队、红歌协会、广场舞协会和戏迷协会轮番登台，四点半课堂的孩子们还表演了诗朗诵。全天参与居民1200余人次。

感谢所有帮忙的志愿者和居民！活动照片贴在一楼公告栏，欢迎来看看有没有您。`,
    },
    en: {
      title: 'Neighbourhood festival: one long table, 300 neighbours',
      summary: 'A flea market, a shared lunch and a show: this year\'s neighbourhood festival drew more than 1,200 person-visits.',
      tags: 'Neighbourhood festival\nCommunity events',
      body: `This year's neighbourhood festival filled the square in front of the centre. Soon after nine in the morning the flea market had more than forty stalls, where children swapped toys and books they had outgrown; volunteers from the senior care station checked blood pressure and explained how to avoid scams.

The shared lunch was the favourite. Every building brought its best dishes, braised pork, chive pockets and osmanthus cakes filled twenty long tables, and more than three hundred neighbours ate and talked together. Some who had lived side by side for years sat down for a proper chat for the first time.

In the afternoon the community art troupe, the red-song choir, the square-dance association and the opera fans took turns on stage, and children from the after-school class recited poems. Over the day the festival counted more than 1,200 person-visits.

Thank you to every volunteer and neighbour who helped! The photos are on the notice board on the ground floor: come and see if you are in one.`,
    },
  },
  {
    slug: 'centre-reopens',
    kind: 'news',
    daysAgo: 60,
    zh: {
      title: '党群服务中心焕新启用',
      summary: '经过三个月改造，中心以全新面貌重新开放：约800平方米，97%的空间用于居民服务，欢迎大家常来坐坐。',
      tags: '中心动态',
      body: `经过三个月的改造提升，社区党群服务中心近日焕新启用。改造后的中心面积约800平方米，97%的空间用来为居民服务，办公区域压缩到了最小。

一楼是多功能厅、五邻议事厅、未成年人活动室、居家养老服务站和社区幸福大食堂；二楼是图书阅览室、党员教育室、心理咨询室和妇女之家。全楼无台阶通行，新增了电梯和无障碍卫生间，老人和坐轮椅的居民进出更方便。

**开放时间**

- 周一至周五：8:30–12:00，14:00–21:00
- 周六、周日：9:00–17:00

各协会排练、楼栋议事、兴趣小组活动，都可以在服务台或本网站预约功能室，全部免费。欢迎大家常来坐坐，有意见和建议也请告诉我们。`,
    },
    en: {
      title: 'The renovated centre is open again',
      summary: 'After three months of work the centre has reopened: about 800 m², 97% of it for residents. Come and have a look.',
      tags: 'Centre news',
      body: `After three months of renovation, the community service centre has reopened. The building has about 800 m², and 97% of it now serves residents: the offices take up as little room as possible.

On the ground floor are the multi-purpose hall, the neighbourhood council hall, the children's activity room, the senior care station and the community canteen; on the first floor, the reading room, the training room, the counselling room and the women's centre. The whole building is step-free, with a new lift and an accessible toilet, so older residents and wheelchair users can get around easily.

**Opening hours**

- Monday to Friday: 8:30–12:00 and 14:00–21:00
- Saturday and Sunday: 9:00–17:00

Groups rehearsing, building meetings and hobby clubs can book a function room at the front desk or on this website, free of charge. Drop in any time, and tell us what you think.`,
    },
  },
];

/** Creates the demo news in Chinese, adds the English, and publishes both; a database with any news is left alone. */
export const loadDemoNews = async (strapi: Core.Strapi, tz: string): Promise<void> => {
  if ((await strapi.db.query(NEWS_UID).count()) > 0) return;
  const { today, date, nextNewYear } = demoCalendar(tz);
  // Oldest first, as editors would have written them.
  for (const item of [...demoNews(nextNewYear.getFullYear())].reverse()) {
    const shared = { slug: item.slug, kind: item.kind, publishedDate: date(subDays(today, item.daysAgo)) };
    const created = await strapi.documents(NEWS_UID).create({ locale: 'zh-CN', data: { ...shared, ...item.zh } });
    // The app has no generated content-type types (strapi ts:generate-types), hence the cast.
    await strapi.documents(NEWS_UID).update({ documentId: created.documentId, locale: 'en', data: { ...shared, ...item.en } as any });
    await strapi.documents(NEWS_UID).publish({ documentId: created.documentId, locale: '*' });
  }
};
