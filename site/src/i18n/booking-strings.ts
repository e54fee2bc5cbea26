/**
 * Words of the room pages, the forms and the manage page. Imported by pages at build time and by
 * the form islands in the browser, so it holds only plain strings and small functions.
 */
export type BookingLocale = 'zh-CN' | 'en';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const day = (date: string) => Number(date.slice(8, 10));
const month = (date: string) => Number(date.slice(5, 7));
const hours = (minutes: number, zh: boolean) => {
  if (minutes % 60 !== 0) return zh ? `${minutes} 分钟` : `${minutes} minutes`;
  const h = minutes / 60;
  return zh ? `${h} 小时` : `${h} hour${h === 1 ? '' : 's'}`;
};

const zh = {
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  date: (date: string, weekday?: string) => `${month(date)}月${day(date)}日${weekday ? ` ${weekday}` : ''}`,
  range: (a: string, b: string) => `${a}–${b}`,

  // Room page
  rulesTitle: '预约须知',
  rules: {
    length: (min: number, max: number, slot: number) => `每次可预约 ${hours(min, true)}到 ${hours(max, true)}，以 ${slot} 分钟为单位。`,
    notice: (minutes: number, days: number) => `请至少提前 ${hours(minutes, true)}预约，最远可以预约 ${days} 天以内的时间。`,
    approval: '提交后由工作人员审核，审核结果按您选的通知方式告诉您。',
    instant: '时间空闲即可预约，提交后立即确认。',
    buffer: (minutes: number) => `每场预约前后各留 ${minutes} 分钟整理场地。`,
    quota: (h: number) => `同一联系人每周在本室最多预约 ${h} 小时。`,
    capacity: (n: number) => `最多 ${n} 人。`,
  },
  openingHoursTitle: '开放时间',
  closedAllDay: '不开放',
  // What the start and end lists say before the form's script fills them with the chosen date's times.
  chooseDateFirst: '请先选日期',
  availabilityTitle: '一周空闲情况',
  availabilityIntro: '绿色是可以预约的空闲时间，点选一段即可填入下面的预约表。',
  previousWeek: '上一周',
  nextWeek: '下一周',
  thisWeek: '本周',
  loading: '正在加载…',
  loadFailed: '空闲情况暂时加载不出来，请稍后再试，或致电中心。',
  free: '空闲',
  busy: '已占用',
  busyKinds: { reservation: '已有预约', session: '课程活动', closure: '闭馆', buffer: '整理场地' } as Record<string, string>,
  /** Said before a free time's button text, for screen readers. */
  pickSlot: (date: string) => `选择 ${date} `,
  noFreeTime: '这天没有空闲时间',
  closedDay: '不开放',
  past: '已过',
  picked: (date: string, range: string) => `已选择 ${date} ${range}，请填写下面的表格。`,
  bookingFormTitle: '预约这个功能室',
  notBookableHere: '这个功能室无需预约，开放时间内直接前来即可。',

  // Reservation form
  fields: {
    date: '日期',
    start: '开始时间',
    end: '结束时间',
    attendees: '人数',
    purpose: '用途',
    purposeHint: '例如：合唱团排练、楼栋居民会议',
    organization: '团体名称（选填）',
    contactName: '联系人姓名',
    phone: '手机号码',
    email: '电子邮箱',
    contactHint: '手机号码和电子邮箱至少填一项，方便中心联系您。',
    repeat: '每周重复',
    until: '重复到哪天',
    name: '姓名',
    people: '人数',
    note: '备注（选填）',
    session: '场次',
  } as Record<string, string>,
  submit: '提交预约',
  submitting: '正在提交…',
  required: '请填写这一项',
  invalidPhone: '请填写正确的手机号码，只用数字、空格或短横线',
  invalidEmail: '请填写正确的电子邮箱地址',
  contactNeeded: '请填写手机号码或电子邮箱，至少一项',
  endAfterStart: '结束时间要晚于开始时间',
  atLeastOne: '至少 1 人',
  atMost: (n: number) => `最多 ${n} 人`,
  untilAfterDate: '重复的截止日期不能早于预约日期',
  inPast: '这个时间已经过去了',
  fixBelow: '请按提示修改后再提交：',
  codes: {
    not_on_slot_grid: '时间要按整点或半点选择',
    too_short: '预约时间太短',
    too_long: '预约时间太长',
    end_not_after_start: '结束时间要晚于开始时间',
    outside_opening_hours: '这个时间中心不开放',
    in_closure: '这段时间中心闭馆',
    in_the_past: '这个时间已经过去了',
    under_minimum_notice: '太晚了：需要提前预约',
    too_far_ahead: '太远了：还不能预约这么久以后的时间',
    over_capacity: '人数超过了功能室能容纳的人数',
    over_weekly_quota: '超过了每周可预约的时数',
    series_too_long: '每周重复的次数太多，请选早一点的截止日期',
    notify_needs_email: '选了电子邮件：请填写电子邮箱，或改选短信、电话通知',
    notify_needs_mobile: '选了短信：请填写手机号码，或改选其他方式',
    notify_not_mobile: '这个号码收不到短信：请填写手机号码，或改选电话通知',
    notify_needs_phone: '选了电话通知：请填写电话号码，或改选其他方式',
  } as Record<string, string>,
  taken: '这个时间已经被别人预约了，请换一个时间。',
  takenTimes: '冲突的时间：',
  tooMany: (seconds: number) => `提交太频繁了，请 ${seconds} 秒后再试。`,
  networkError: '网络出了问题，请稍后再试。',
  callUs: (phone: string) => `也可以致电中心：${phone}`,
  serverSaid: '系统提示：',
  received: '预约已提交，等待工作人员审核',
  confirmedNow: '预约成功',
  yourReference: '预约编号',
  keepReference: '请记下预约编号。',
  /** What happens next, by the channel the CMS will use (`notifiedBy`): never a promise without one. */
  toldBy: (channel: string, contact: string, pending: boolean) =>
    channel === 'email'
      ? pending ? `审核结果会发电子邮件到 ${contact} 告诉您。` : `确认信息会发电子邮件到 ${contact}，之后如有变动也会发邮件告诉您。`
      : channel === 'sms'
        ? pending ? `审核结果会发短信到 ${contact} 告诉您。` : `确认短信会发到 ${contact}，之后如有变动也会发短信告诉您。`
        : pending ? `审核后，中心工作人员会打电话到 ${contact} 告诉您结果。` : `之后如有变动，中心工作人员会打电话到 ${contact} 告诉您。`,
  enrolTold: (channel: string, contact: string, waitlisted: boolean) =>
    channel === 'email'
      ? waitlisted ? `有空位时，会按顺序发电子邮件到 ${contact} 告诉您。` : `确认信息会发电子邮件到 ${contact}，调课、停课也会发邮件告诉您。`
      : channel === 'sms'
        ? waitlisted ? `有空位时，会按顺序发短信到 ${contact} 告诉您。` : `确认短信会发到 ${contact}，调课、停课也会发短信告诉您。`
        : waitlisted ? `有空位时，中心工作人员会打电话到 ${contact} 告诉您。` : `调课、停课时，中心工作人员会打电话到 ${contact} 告诉您。`,
  /** No e-mail given: nothing arrives with the link, so the page itself must be kept. */
  noEmailKeep: '您没有留电子邮箱，不会收到带链接的邮件。请记下上面的编号（可以截图保存），并保存下面“查看或取消”的链接。',
  noEmailKeepEnrolment: '您没有留电子邮箱，不会收到带链接的邮件。请截图保存这个页面，并保存下面“查看或取消”的链接。',
  askAtDesk: (phone: string | null, address: string | null) =>
    `如需查询或改动，${[phone ? `请致电中心 ${phone}` : '', address ? `到服务台（${address}）` : phone ? '' : '请到中心服务台'].filter(Boolean).join('，或')}，报上您的姓名和电话。`,
  findLink: '链接找不到了？找回我的预约',
  manageLink: '查看或取消这个预约',
  anotherBooking: '再预约一个时间',
  noJs: (phone: string | null) =>
    `这个表格需要浏览器开启 JavaScript 才能使用。${phone ? `您也可以致电中心：${phone}` : '您也可以到中心服务台办理。'}`,

  // How to be told (both forms, and the manage page)
  notifyBy: {
    legend: '怎样通知您？',
    hint: '审核结果、变动和活动提醒按您选的方式通知。',
    sms: '短信',
    smsHint: '发到您的手机',
    email: '电子邮件',
    emailHint: '发到您的邮箱',
    call: '电话通知',
    callHint: '工作人员打电话告诉您',
    shown: '通知方式',
  } as Record<string, string>,

  // Room finder
  finderTitle: '查找空闲的功能室',
  finderIntro: '选择日期、时间和人数，看看哪些功能室这段时间空闲。',
  find: '查找',
  finding: '正在查找…',
  foundRooms: (n: number) => (n > 0 ? `找到 ${n} 个空闲的功能室：` : '这段时间没有空闲的功能室，请换个时间试试。'),
  bookThis: (name: string) => `预约${name}`,
  capacityShort: (n: number) => `可容纳 ${n} 人`,

  // Enrolment
  enrolTitle: '在线报名',
  placesLeftLive: (n: number) => (n > 0 ? `目前还剩 ${n} 个名额` : '名额已满，报名后进入候补名单'),
  waitingCount: (n: number) => `已有 ${n} 人在候补`,
  enrol: '报名',
  enrolled: '报名成功',
  waitlisted: (position: number) => `名额已满，您在候补名单第 ${position} 位。`,
  enrolmentClosed: '报名已截止',
  chooseSession: '请选择一个场次',
  manageEnrolment: '查看或取消这个报名',
  enrolCodes: {
    closed: '报名已截止',
    not_open_yet: '报名还没开始',
    full_no_waitlist: '名额已满，不设候补',
    too_many_people: '一次报名的人数太多',
    invalid_people: '人数要是 1 或以上的整数',
    already_enrolled: '这个联系方式已经报过名了，请用确认信息里的链接查看',
    no_registration: '这个活动无需报名，直接前来即可',
    session_cancelled: '这一场已经取消',
    notify_needs_email: '选了电子邮件：请填写电子邮箱，或改选短信、电话通知',
    notify_needs_mobile: '选了短信：请填写手机号码，或改选其他方式',
    notify_not_mobile: '这个号码收不到短信：请填写手机号码，或改选电话通知',
    notify_needs_phone: '选了电话通知：请填写电话号码，或改选其他方式',
  } as Record<string, string>,

  // Manage
  manageTitle: '我的预约和报名',
  manageIntro: '这是您预约或报名的详情，可以在这里取消。',
  manageMissing: '链接不完整。请打开确认信息或邮件里的完整链接。',
  manageNotFound: '找不到这个预约或报名，链接可能已失效。',
  manageExpired: (days: number) => `这个链接已过期：链接在最后一次活动日期之后 ${days} 天内有效。如需帮助，请联系中心。`,
  status: '状态',
  statuses: { pending: '等待审核', confirmed: '已确认', rejected: '未通过', cancelled: '已取消', waitlisted: '候补中' } as Record<string, string>,
  room: '功能室',
  dates: '日期',
  reason: '原因',
  positionOnList: (n: number) => `候补第 ${n} 位`,
  cancelOne: (date: string) => `取消 ${date} 这一次`,
  cancelAll: '全部取消',
  cancelBooking: '取消预约',
  cancelEnrolment: '取消报名',
  confirmCancel: '确定取消吗？',
  yesCancel: '确定取消',
  keep: '不取消',
  cancelledNow: '已取消。',
  cannotCancel: '这个时间已经开始或过去，不能在网上取消；如有需要请致电中心。',
  activity: '活动',

  // Find my booking
  findTitle: '找回我的预约',
  findIntro: '关掉了页面，或者删掉了确认信息？填写预约或报名时留的手机号码或电子邮箱，我们把还没到期的预约和报名的链接重新发给您。',
  findWhy: '为什么要填这个：链接只发到您填的手机或邮箱，不会显示在这个页面上，所以别人填了您的号码也看不到您的预约。发出新链接后，以前的链接就不能用了。',
  findOne: '请填写手机号码或电子邮箱中的一项',
  findNotBoth: '只填一项：链接发到您填的那一项',
  findSubmit: '发送链接',
  findSent: '已收到。如果这个号码或邮箱有还没到期的预约或报名，几分钟内您会收到短信或邮件。',
  findNothing: '没有收到？请确认填的是预约时留的号码或邮箱。只留了座机号码的，请致电或到服务台查询。',
  findAgain: '换一个号码或邮箱',
};

type Words = typeof zh;

const en: Words = {
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  date: (date: string, weekday?: string) => `${weekday ? `${weekday} ` : ''}${day(date)} ${MONTHS[month(date) - 1]}`,
  range: (a: string, b: string) => `${a}–${b}`,

  rulesTitle: 'Booking rules',
  rules: {
    length: (min: number, max: number, slot: number) => `Book from ${hours(min, false)} up to ${hours(max, false)}, in steps of ${slot} minutes.`,
    notice: (minutes: number, days: number) => `Book at least ${hours(minutes, false)} ahead, and at most ${days} days ahead.`,
    approval: 'Staff look at each request and tell you the answer the way you chose.',
    instant: 'If the time is free, your booking is confirmed at once.',
    buffer: (minutes: number) => `${minutes} minutes are kept free before and after each booking to get the room ready.`,
    quota: (h: number) => `One contact may book at most ${h} hours a week in this room.`,
    capacity: (n: number) => `Up to ${n} people.`,
  },
  openingHoursTitle: 'Opening hours',
  closedAllDay: 'Closed',
  chooseDateFirst: 'Choose a date first',
  availabilityTitle: 'Free times this week',
  availabilityIntro: 'Green times are free. Pick one to fill in the form below.',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  thisWeek: 'This week',
  loading: 'Loading…',
  loadFailed: 'The free times could not be loaded. Please try again later or call the centre.',
  free: 'Free',
  busy: 'Taken',
  busyKinds: { reservation: 'Booked', session: 'Class or event', closure: 'Closed', buffer: 'Getting the room ready' },
  pickSlot: (date: string) => `Choose ${date}, `,
  noFreeTime: 'No free time this day',
  closedDay: 'Closed',
  past: 'Past',
  picked: (date: string, range: string) => `You chose ${date}, ${range}. Please fill in the form below.`,
  bookingFormTitle: 'Book this room',
  notBookableHere: 'No booking needed: drop in during opening hours.',

  fields: {
    date: 'Date',
    start: 'Start',
    end: 'End',
    attendees: 'Number of people',
    purpose: 'What it is for',
    purposeHint: 'For example: choir rehearsal, residents’ meeting',
    organization: 'Group (optional)',
    contactName: 'Your name',
    phone: 'Mobile phone',
    email: 'E-mail',
    contactHint: 'Give a phone number or an e-mail address (or both) so the centre can reach you.',
    repeat: 'Repeat every week',
    until: 'Repeat until',
    name: 'Name',
    people: 'Number of people',
    note: 'Note (optional)',
    session: 'Date',
  },
  submit: 'Send the request',
  submitting: 'Sending…',
  required: 'Please fill this in',
  invalidPhone: 'Please give a phone number of digits, spaces or dashes',
  invalidEmail: 'Please give a valid e-mail address',
  contactNeeded: 'Please give a phone number or an e-mail address',
  endAfterStart: 'The end must be after the start',
  atLeastOne: 'At least 1 person',
  atMost: (n: number) => `At most ${n} people`,
  untilAfterDate: 'The repeat must not end before the date',
  inPast: 'This time has already passed',
  fixBelow: 'Please fix these and send again:',
  codes: {
    not_on_slot_grid: 'Choose a time on the hour or half hour',
    too_short: 'Too short',
    too_long: 'Too long',
    end_not_after_start: 'The end must be after the start',
    outside_opening_hours: 'The centre is not open then',
    in_closure: 'The centre is closed then',
    in_the_past: 'This time has already passed',
    under_minimum_notice: 'Too late: this must be booked further ahead',
    too_far_ahead: 'Too far ahead: this cannot be booked yet',
    over_capacity: 'More people than the room holds',
    over_weekly_quota: 'More hours than one contact may book in a week',
    series_too_long: 'Too many weeks: choose an earlier end date',
    notify_needs_email: 'You chose e-mail: give an e-mail address, or choose text message or a phone call',
    notify_needs_mobile: 'You chose text message: give a mobile number, or choose another way',
    notify_not_mobile: 'This number cannot receive text messages: give a mobile number, or choose a phone call',
    notify_needs_phone: 'You chose a phone call: give a phone number, or choose another way',
  },
  taken: 'Someone has booked this time already. Please choose another time.',
  takenTimes: 'Taken:',
  tooMany: (seconds: number) => `Too many requests. Please try again in ${seconds} seconds.`,
  networkError: 'The connection failed. Please try again.',
  callUs: (phone: string) => `You can also call the centre: ${phone}`,
  serverSaid: 'The system said:',
  received: 'Request sent: waiting for staff to approve it',
  confirmedNow: 'Booked',
  yourReference: 'Your reference',
  keepReference: 'Keep this reference.',
  toldBy: (channel: string, contact: string, pending: boolean) =>
    channel === 'email'
      ? pending ? `We will e-mail you the answer at ${contact}.` : `We will e-mail the confirmation to ${contact}, and any change later.`
      : channel === 'sms'
        ? pending ? `We will text you the answer at ${contact}.` : `We will text the confirmation to ${contact}, and any change later.`
        : pending ? `Once staff have looked at it, the centre will phone you on ${contact} with the answer.` : `If anything changes, the centre will phone you on ${contact}.`,
  enrolTold: (channel: string, contact: string, waitlisted: boolean) =>
    channel === 'email'
      ? waitlisted ? `When a place frees up, we will e-mail you at ${contact}, in order.` : `We will e-mail the confirmation to ${contact}, and any change to the class.`
      : channel === 'sms'
        ? waitlisted ? `When a place frees up, we will text you at ${contact}, in order.` : `We will text the confirmation to ${contact}, and any change to the class.`
        : waitlisted ? `When a place frees up, the centre will phone you on ${contact}.` : `If the class changes, the centre will phone you on ${contact}.`,
  noEmailKeep: 'You gave no e-mail address, so no mail with the link will come. Note the reference above (a screenshot is fine) and keep the “see or cancel” link below.',
  noEmailKeepEnrolment: 'You gave no e-mail address, so no mail with the link will come. Take a screenshot of this page and keep the “see or cancel” link below.',
  askAtDesk: (phone: string | null, address: string | null) =>
    `To check or change it, ${[phone ? `call the centre on ${phone}` : '', address ? `ask at the front desk (${address})` : phone ? '' : 'ask at the front desk'].filter(Boolean).join(' or ')}, with your name and phone number.`,
  findLink: 'Lost the link? Find my booking',
  manageLink: 'See or cancel this booking',
  anotherBooking: 'Book another time',
  noJs: (phone: string | null) =>
    `This form needs JavaScript, which is switched off in your browser. ${phone ? `You can also call the centre: ${phone}` : 'You can also ask at the front desk.'}`,

  notifyBy: {
    legend: 'How should we tell you?',
    hint: 'We tell you about approval, changes and reminders this way.',
    sms: 'Text message (SMS)',
    smsHint: 'to your mobile phone',
    email: 'E-mail',
    emailHint: 'to your e-mail address',
    call: 'Phone call',
    callHint: 'staff ring you',
    shown: 'We tell you by',
  },

  finderTitle: 'Find a free room',
  finderIntro: 'Choose a date, a time and how many people, and see which rooms are free.',
  find: 'Find',
  finding: 'Looking…',
  foundRooms: (n: number) => (n > 0 ? `${n} room${n === 1 ? ' is' : 's are'} free:` : 'No room is free then. Please try another time.'),
  bookThis: (name: string) => `Book the ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
  capacityShort: (n: number) => `Up to ${n} people`,

  enrolTitle: 'Enrol online',
  placesLeftLive: (n: number) => (n > 0 ? `${n} place${n === 1 ? '' : 's'} left now` : 'Full: you will join the waiting list'),
  waitingCount: (n: number) => `${n} on the waiting list`,
  enrol: 'Enrol',
  enrolled: 'You are enrolled',
  waitlisted: (position: number) => `The class is full: you are number ${position} on the waiting list.`,
  enrolmentClosed: 'Enrolment has closed',
  chooseSession: 'Please choose a date',
  manageEnrolment: 'See or cancel this enrolment',
  enrolCodes: {
    closed: 'Enrolment has closed',
    not_open_yet: 'Enrolment has not opened yet',
    full_no_waitlist: 'Full, and there is no waiting list',
    too_many_people: 'Too many people for one enrolment',
    invalid_people: 'The number of people must be a whole number, 1 or more',
    already_enrolled: 'Already enrolled with this phone or e-mail: use the link from your confirmation',
    no_registration: 'No need to enrol: just come along',
    session_cancelled: 'This date has been cancelled',
    notify_needs_email: 'You chose e-mail: give an e-mail address, or choose text message or a phone call',
    notify_needs_mobile: 'You chose text message: give a mobile number, or choose another way',
    notify_not_mobile: 'This number cannot receive text messages: give a mobile number, or choose a phone call',
    notify_needs_phone: 'You chose a phone call: give a phone number, or choose another way',
  },

  manageTitle: 'My booking or enrolment',
  manageIntro: 'The details of your booking or enrolment. You can cancel it here.',
  manageMissing: 'This link is incomplete. Please open the whole link from your confirmation or e-mail.',
  manageNotFound: 'This booking or enrolment could not be found. The link may no longer work.',
  manageExpired: (days: number) => `This link has expired: a link works until ${days} days after the last date. Please contact the centre if you need help.`,
  status: 'Status',
  statuses: { pending: 'Waiting for approval', confirmed: 'Confirmed', rejected: 'Not approved', cancelled: 'Cancelled', waitlisted: 'On the waiting list' },
  room: 'Room',
  dates: 'Dates',
  reason: 'Reason',
  positionOnList: (n: number) => `number ${n} on the waiting list`,
  cancelOne: (date: string) => `Cancel ${date} only`,
  cancelAll: 'Cancel all',
  cancelBooking: 'Cancel the booking',
  cancelEnrolment: 'Cancel the enrolment',
  confirmCancel: 'Cancel it?',
  yesCancel: 'Yes, cancel',
  keep: 'No, keep it',
  cancelledNow: 'Cancelled.',
  cannotCancel: 'This has started or passed and cannot be cancelled online; please call the centre if you need to.',
  activity: 'Activity',

  findTitle: 'Find my booking',
  findIntro: 'Closed the page or deleted the confirmation? Give the mobile number or e-mail address you booked with, and we will send the links to your bookings and enrolments still to come.',
  findWhy: 'Why we ask: the links go only to the phone or address you give, never to this page, so someone typing your number learns nothing. Once new links are sent, the older ones stop working.',
  findOne: 'Please give a mobile number or an e-mail address',
  findNotBoth: 'Give only one: the links go to the one you give',
  findSubmit: 'Send the links',
  findSent: 'Thank you. If this number or address has bookings or enrolments still to come, a text message or an e-mail will reach you in a few minutes.',
  findNothing: 'Nothing came? Check it is the number or address you booked with. If you gave only a landline, please call or ask at the front desk.',
  findAgain: 'Try another number or address',
};

export const bookingWords = (locale: BookingLocale): Words => (locale === 'en' ? en : zh);
