// Console texts of the metering policy page: every threshold the metering reports apply, as
// versioned data an administrator publishes.
import type { Text } from '../i18n';

export const meteringPolicyMessages = {
  'nav.meteringPolicy': { zh: '线损与抄表规则', en: 'Metering rules' },

  'mpolicy.intro': {
    zh: '线损考核目标、抄表异常判定、重点关注、抄表例日容差、大客户和窃电筛查的阈值都以规则数据维护。发布新版本后立即生效，之后的计算都按新版本进行；历次版本保留可查。',
    en: 'Line-loss targets, reading checks, the watch list, the reading-day tolerance, large customers and the theft screening all take their thresholds from this data. A new version is in force as soon as it is published and every later computation uses it; past versions are kept.',
  },
  'mpolicy.current': { zh: '现行规则（第 {version} 版）', en: 'Rules in force (version {version})' },
  'mpolicy.edit': { zh: '修改并发布新版本', en: 'Edit and publish a new version' },
  'mpolicy.editing': { zh: '编辑新版本（基于第 {version} 版）', en: 'New version (based on version {version})' },
  'mpolicy.percentHint': {
    zh: '标有 % 的各项填写百分数（10 表示 10 %）；服务器提示中的取值范围以小数表示（0.1 即 10 %）。',
    en: 'Figures marked % are typed as percentages (10 means 10 %); the server’s ranges are given as fractions (0.1 is 10 %).',
  },
  'mpolicy.note': { zh: '修订说明', en: 'Note' },
  'mpolicy.notePlaceholder': { zh: '如：依据 2025 年线损考核办法调整台区目标', en: 'e.g. area targets per the 2025 assessment rules' },
  'mpolicy.publish': { zh: '发布', en: 'Publish' },
  'mpolicy.cancel': { zh: '取消', en: 'Cancel' },
  'mpolicy.published': { zh: '已发布第 {version} 版，立即生效', en: 'Version {version} published and in force' },
  'mpolicy.required': { zh: '请填写', en: 'Required' },
  'mpolicy.versions': { zh: '版本记录', en: 'Versions' },
  'mpolicy.version': { zh: '版本', en: 'Version' },
  'mpolicy.active': { zh: '生效中', en: 'In force' },
  'mpolicy.createdBy': { zh: '发布人', en: 'Published by' },
  'mpolicy.createdAt': { zh: '发布时间', en: 'Published' },

  'mpolicy.lineLoss': { zh: '线损考核', en: 'Line loss' },
  'mpolicy.lineLossHint': {
    zh: '各层级线损率高于目标为高损；参与计算的计量点抄见比例低于最低抄见率时不计算线损。',
    en: 'A loss rate above its level’s target is high loss; below the minimum read share the loss is not computed.',
  },
  'mpolicy.minCoverage': { zh: '最低抄见率', en: 'Minimum read share' },
  'mpolicy.readingFlags': { zh: '抄表异常（错抄）判定', en: 'Reading checks' },
  'mpolicy.readingFlagsHint': {
    zh: '本月电量超过该表历史月电量中位数的倍数、且超过最小电量时，判为突变（错抄）。',
    en: 'A month’s kWh above this multiple of the meter’s median month, and above the minimum, is an implausible jump.',
  },
  'mpolicy.jumpFactor': { zh: '突变倍数', en: 'Jump factor' },
  'mpolicy.jumpMinKwh': { zh: '突变最小电量', en: 'Jump minimum' },
  'mpolicy.historyMonths': { zh: '历史月数', en: 'History' },
  'mpolicy.scheduleWatch': { zh: '抄表例日与重点关注', en: 'Reading day and watch list' },
  'mpolicy.toleranceDays': { zh: '例日容差', en: 'Reading-day tolerance' },
  'mpolicy.minStreak': { zh: '连续不合格月数（列入重点关注）', en: 'Months out of target (watch list)' },
  'mpolicy.largeCustomers': { zh: '大客户电量波动', en: 'Large customers' },
  'mpolicy.minMonthlyKwh': { zh: '大客户月电量下限', en: 'Monthly kWh from' },
  'mpolicy.swing': { zh: '波动阈值（环比或同比）', en: 'Swing (month or year on)' },
  'mpolicy.theft': { zh: '窃电嫌疑筛查', en: 'Theft screening' },
  'mpolicy.theftHint': {
    zh: '各信号权重为该信号满强度时对嫌疑分值的贡献（0–1）；低于最低分值的用户不列入嫌疑名单。',
    en: 'A signal’s weight is what it adds to the score at full strength (0–1); customers below the minimum score are not listed.',
  },
  'mpolicy.windowMonths': { zh: '筛查月数', en: 'Window' },
  'mpolicy.minScore': { zh: '最低嫌疑分值', en: 'Minimum score' },

  'mpolicy.unit.factor': { zh: '{n} 倍', en: '×{n}' },
  'mpolicy.unit.months': { zh: '{n} 个月', en: '{n} months' },
  'mpolicy.unit.days': { zh: '{n} 天', en: '{n} days' },
  'mpolicy.suffix.factor': { zh: '倍', en: '×' },
  'mpolicy.suffix.months': { zh: '个月', en: 'months' },
  'mpolicy.suffix.days': { zh: '天', en: 'days' },
} satisfies Record<string, Text>;
