/** The consent box, a guardian's details for children's activities, and the privacy page, in both languages. */
import type { BookingLocale } from './booking-strings';

const zh = {
  consentLegend: '个人信息保护',
  agree: '我已阅读并同意上述隐私告知',
  readMore: '隐私说明全文',
  consentNeeded: '请阅读隐私告知，并勾选同意后再提交',
  consentOutdated: '隐私告知刚刚更新了：请刷新页面，阅读新的告知后再提交',
  noticeVersion: (v: string) => `版本 ${v}`,
  // Children's activities
  forChildren: '这是儿童活动：请由家长或监护人填写，每个孩子分别报名。',
  guardianName: '监护人姓名',
  guardianPhone: '监护人电话',
  childName: '孩子的名字',
  childNameHint: '只填名字，不填姓。',
  childGrade: '年级',
  chooseGrade: '请选择年级',
  collectorsLegend: '其他可接送孩子的人（最多两位，可不填）',
  collectorName: (n: number) => `接送人${n} 姓名`,
  collectorPhone: (n: number) => `接送人${n} 电话`,
  guardianAgree: '我是孩子的父母或监护人，同意中心按上述告知保存孩子的名字、年级和接送人信息',
  guardianConsentNeeded: '请由监护人勾选同意',
  childNameNeeded: '请填写孩子的名字',
  childGradeNeeded: '请选择年级',
  collectorIncomplete: '接送人的姓名和电话都要填写',
  // The privacy page
  pageTitle: '隐私说明',
  pageIntro: '本中心只收集办理预约和报名所必需的个人信息。下面是每张表格旁边显示的告知，以及您的权利。',
  currentNotice: '表格上的隐私告知',
  sections: [
    ['我们收集什么', '预约功能室：联系人姓名、电话或电子邮箱、团体名称、用途和人数。报名课程或活动：姓名、电话或电子邮箱、人数和备注。儿童活动：监护人的姓名和电话，孩子的名字（不含姓）和年级，以及最多两位可接送孩子的人的姓名和电话。'],
    ['为什么收集', '办理您的预约或报名，通知您确认、变动和提醒，以及统计中心的服务情况（统计只用人数，不用姓名）。'],
    ['保存多久', '在最后一次活动日期之后保存12个月，之后自动匿名化：姓名、电话、邮箱和备注被删除，只留下不能识别个人的统计数字。'],
    ['谁能看到', '只有中心的工作人员，按岗位查看。名单和签到表上的电话只显示部分号码。信息不会公开，也不会提供给其他单位或个人。儿童的信息从不在网站上公开。'],
    ['儿童的信息', '14岁以下儿童的信息须经父母或监护人同意，由监护人填写。我们只保存孩子的名字和年级，用于分组和签到；接孩子时，工作人员核对监护人或其指定的接送人。'],
    ['您的权利', '您可以查阅、导出、更正或删除您的信息，也可以撤回同意（撤回后我们将无法继续为您保留预约或报名）。请致电中心或到前台办理，工作人员会核实身份后处理。'],
  ] as Array<[string, string]>,
  askUs: '如有疑问或需要办理，请联系：',
};

type Words = typeof zh;

const en: Words = {
  consentLegend: 'Your personal data',
  agree: 'I have read and agree to the privacy notice above',
  readMore: 'The full privacy statement',
  consentNeeded: 'Please read the privacy notice and tick the box to agree',
  consentOutdated: 'The privacy notice has just changed: reload the page, read the new notice, then send again',
  noticeVersion: (v: string) => `Version ${v}`,
  forChildren: 'This activity is for children: a parent or guardian fills in the form, one child at a time.',
  guardianName: 'Guardian’s name',
  guardianPhone: 'Guardian’s phone',
  childName: 'Child’s given name',
  childNameHint: 'Given name only, no family name.',
  childGrade: 'School grade',
  chooseGrade: 'Choose the grade',
  collectorsLegend: 'Others who may collect the child (up to two, optional)',
  collectorName: (n: number) => `Person ${n}: name`,
  collectorPhone: (n: number) => `Person ${n}: phone`,
  guardianAgree: 'I am the child’s parent or guardian and agree that the centre keeps the child’s given name, grade and who may collect them, as the notice says',
  guardianConsentNeeded: 'The guardian must tick the box to agree',
  childNameNeeded: 'Please give the child’s given name',
  childGradeNeeded: 'Please choose the grade',
  collectorIncomplete: 'Give both the name and the phone of each person collecting the child',
  pageTitle: 'Privacy',
  pageIntro: 'The centre collects only the personal data it needs to handle bookings and enrolments. Below is the notice every form shows, and your rights.',
  currentNotice: 'The notice on our forms',
  sections: [
    ['What we collect', 'Booking a room: the contact’s name, phone or e-mail, the group’s name, the purpose and the number of people. Enrolling in a course or event: name, phone or e-mail, number of people and a note. Children’s activities: the guardian’s name and phone, the child’s given name (no family name) and school grade, and the names and phones of up to two people allowed to collect the child.'],
    ['Why', 'To handle your booking or enrolment, to tell you of confirmations, changes and reminders, and to count the centre’s services (counts use numbers of people, never names).'],
    ['For how long', '12 months after the last date, then anonymised automatically: names, phones, e-mails and notes are removed, leaving only figures that identify no one.'],
    ['Who sees it', 'Only the centre’s staff, as their work needs. Lists and sign-in sheets show phone numbers in part only. Nothing is published or given to anyone else. Children’s details never appear on the website.'],
    ['Children', 'Data about children under 14 is given by a parent or guardian, with their consent. We keep only the child’s given name and grade, to group and sign children in; at collection, staff check the guardian or a person the guardian named.'],
    ['Your rights', 'You may see, export, correct or delete your data, and withdraw your consent (we then cannot keep your booking or enrolment). Call the centre or ask at the front desk; staff check who you are, then do it.'],
  ],
  askUs: 'For questions or requests, contact:',
};

export const privacyWords = (locale: BookingLocale): Words => (locale === 'en' ? en : zh);
