// Customer-facing texts of the portal's case pages. Courteous phrases throughout (R-PUB-03:
// 您好、请、谢谢); never an evasive one.
import type { Text } from '../i18n';

export const portalCaseMessages = {
  'portal.home': { zh: '返回首页', en: 'Home' },
  'portal.submit': { zh: '我要反映', en: 'Tell us' },
  'portal.submitHint': {
    zh: '投诉、故障报修、意见建议和电费疑问，网上即可提交',
    en: 'Complaints, fault repairs, suggestions and billing questions, submitted online',
  },

  'submit.intro': {
    zh: '您好！请选择事项并填写以下信息，我们将按公开承诺的时限尽快为您办理。带 * 的为必填项。',
    en: 'Hello! Please choose what it is about and fill in the form; we will handle it within our published time limits. Fields marked * are required.',
  },
  'submit.typeLabel': { zh: '请选择事项', en: 'What is it about?' },
  'submit.typeRequired': { zh: '请选择您要反映的事项', en: 'Please choose what it is about' },
  'submit.type.complaint': { zh: '投诉', en: 'Complaint' },
  'submit.type.fault_repair': { zh: '故障报修', en: 'Fault repair' },
  'submit.type.suggestion': { zh: '意见建议', en: 'Suggestion' },
  'submit.type.billing_query': { zh: '电费疑问', en: 'Billing question' },
  'submit.hint.complaint': { zh: '对我们的服务不满意，请告诉我们', en: 'Not satisfied with our service? Please tell us' },
  'submit.hint.fault_repair': { zh: '停电、线路或设备故障，我们尽快抢修', en: 'No power, a line or equipment fault: we come to repair' },
  'submit.hint.suggestion': { zh: '欢迎您提出宝贵意见', en: 'Your ideas are welcome' },
  'submit.hint.billing_query': { zh: '对电费、电价或抄表示数有疑问', en: 'A question about your bill, tariff or meter reading' },
  'submit.faultClass': { zh: '故障情况（可选）', en: 'Kind of fault (optional)' },
  'submit.faultClassHint': { zh: '如不确定，可不选择，我们会与您联系确认', en: 'If you are not sure, leave it; we will confirm with you' },
  'submit.contactName': { zh: '您的称呼', en: 'Your name' },
  'submit.contactNameRequired': { zh: '请填写您的称呼，方便我们与您联系', en: 'Please tell us your name so we can contact you' },
  'submit.contactPhone': { zh: '联系电话', en: 'Phone' },
  'submit.contactPhoneRequired': { zh: '请留下联系电话，方便我们回复您', en: 'Please leave a phone number so we can reply' },
  'submit.contactPhoneInvalid': { zh: '请核对电话号码（仅限数字，可含空格或连字符）', en: 'Please check the number (digits, spaces or hyphens)' },
  'submit.contactAddress': { zh: '联系地址（可选）', en: 'Address (optional)' },
  'submit.faultAddress': { zh: '故障地点（请尽量详细）', en: 'Where is the fault? (as precise as you can)' },
  'submit.accountNo': { zh: '户号（可选）', en: 'Account no. (optional)' },
  'submit.accountNoHint': { zh: '户号印在电费单上，填写后便于我们更快查询', en: 'Printed on your bill; it helps us look things up faster' },
  'submit.description': { zh: '具体情况', en: 'Details' },
  'submit.descriptionRequired': { zh: '请简要描述具体情况', en: 'Please describe the matter briefly' },
  'submit.descriptionPlaceholder': { zh: '请描述时间、地点和具体情况，谢谢！', en: 'Please tell us when, where and what happened. Thank you!' },
  'submit.privacy': {
    zh: '您的姓名、电话和地址仅用于办理本次事项，凭查询码查询进度时不会显示。',
    en: 'Your name, phone and address are used only for this request and are never shown when progress is looked up by query code.',
  },
  'submit.send': { zh: '提交', en: 'Submit' },
  'submit.failed': { zh: '很抱歉，提交没有成功，请您核对后再试一次', en: 'Sorry, the form could not be sent. Please check it and try again' },
  'submit.tooMany': { zh: '很抱歉，提交次数较多，请您稍候片刻再试', en: 'Sorry, there have been many submissions; please wait a moment and try again' },
  'submit.thanks': { zh: '提交成功，谢谢您的反馈！', en: 'Sent. Thank you for telling us!' },
  'submit.keepCode': {
    zh: '请您记下或打印下面的查询码并妥善保管，凭查询码可随时查询办理进度。我们将按承诺时限尽快办理并与您联系。',
    en: 'Please note or print the query code below and keep it: with it you can follow the progress at any time. We will handle your request within our promised time and contact you.',
  },
  'submit.trackNow': { zh: '查询办理进度', en: 'Follow the progress' },
  'submit.another': { zh: '再提交一件', en: 'Submit another' },

  'track.intro': {
    zh: '您好！请输入查询卡或短信中的查询码，即可查看办理进度，无需登录。',
    en: 'Hello! Please enter the query code from your card or message to see the progress; no sign-in needed.',
  },
  'track.placeholder': { zh: '请输入查询码', en: 'Enter the query code' },
  'track.search': { zh: '查询', en: 'Look up' },
  'track.notFound': { zh: '很抱歉，暂未查到该查询码对应的记录', en: 'Sorry, we could not find a request with this query code' },
  'track.notFoundHelp': {
    zh: '请您核对查询卡上的查询码后重新输入；如需帮助，欢迎拨打服务电话 {phone}，我们将竭诚为您服务。',
    en: 'Please check the code on your card and enter it again. If you need help, please call {phone}; we are glad to help.',
  },
  'track.notFoundHelpNoPhone': {
    zh: '请您核对查询卡上的查询码后重新输入；如需帮助，欢迎到营业厅咨询，我们将竭诚为您服务。',
    en: 'Please check the code on your card and enter it again. If you need help, please visit our service hall; we are glad to help.',
  },
  'track.failed': { zh: '很抱歉，暂时无法查询，请您稍后再试', en: 'Sorry, the lookup is not available right now; please try again shortly' },
  'track.statusNow': { zh: '当前进度', en: 'Current status' },
  'track.closedAt': { zh: '办结时间', en: 'Completed' },
  'track.promises': { zh: '我们的承诺', en: 'Our promises' },
  'track.promisedBy': { zh: '承诺时间', en: 'Promised by' },
  'track.met': { zh: '已于 {at} 办理，谢谢您的耐心等待', en: 'Done on {at}. Thank you for your patience' },
  'track.metLate': { zh: '已办理，但超出了承诺时间，我们深表歉意', en: 'Done, but later than promised; we sincerely apologise' },
  'track.running': { zh: '正在办理中，请您耐心等待', en: 'In progress; thank you for your patience' },
  'track.late': { zh: '已超出承诺时间，我们深表歉意，正在加紧办理', en: 'Past the promised time; we apologise and are working on it with priority' },
  'track.notStarted': { zh: '待相关手续办妥后开始计时', en: 'The clock starts once the formalities are complete' },
  'track.steps': { zh: '办理过程', en: 'Steps' },

  'commitments.intro': {
    zh: '您好！以下是我们向您公开承诺的服务内容和办理时限，欢迎您监督。',
    en: 'Hello! These are the services we promise you and the time limits we keep. Your oversight is welcome.',
  },
  'commitments.outro': {
    zh: '如我们未能兑现承诺，请您拨打投诉电话 {phone} 或通过本窗口“我要反映”告诉我们，我们将认真核实处理。谢谢您的监督！',
    en: 'If we fail to keep a promise, please call {phone} or use “Tell us” on this portal; we will look into it carefully. Thank you for your oversight!',
  },
  'commitments.outroNoPhone': {
    zh: '如我们未能兑现承诺，请您通过本窗口“我要反映”告诉我们，我们将认真核实处理。谢谢您的监督！',
    en: 'If we fail to keep a promise, please use “Tell us” on this portal; we will look into it carefully. Thank you for your oversight!',
  },
} satisfies Record<string, Text>;
