// Sections not built yet. Each page states, from the SPEC rule group, what the section will do,
// so users and reviewers see the plan rather than an empty screen.
import { Card, Descriptions, Tag, Typography } from 'antd';
import { useT, type MsgKey, type Text } from '../i18n';
import { PageHeader } from './PageHeader';

interface PlannedRule extends Text {
  id: string;
}

interface PlannedSection {
  path: string;
  title: MsgKey;
  summary: Text;
  rules: PlannedRule[];
}

export const PLANNED_SECTIONS: PlannedSection[] = [
  {
    path: '/applications',
    title: 'nav.applications',
    summary: {
      zh: '新装、增容、变更用电、临时用电的专窗受理与全流程时限跟踪。',
      en: 'One window for new connections, capacity increases, changes of use and temporary supply, with every step timed.',
    },
    rules: [
      { id: 'R-APP-01', zh: '业务类型：新装、增容、变更用电、临时用电。', en: 'Kinds: new connection, capacity increase, change of use, temporary supply.' },
      {
        id: 'R-APP-02',
        zh: '专窗受理、分类登记、及时转办；流程：受理→现场勘查→答复供电方案→客户工程及验收→装表接电→归档（3 天内）。',
        en: 'One dedicated window; accept → site survey → supply plan reply → customer works and inspection → meter installation and connection → archive (within 3 days).',
      },
      {
        id: 'R-APP-03',
        zh: '各环节时限按客户类别（居民、低压非居民、高压单电源、高压双电源）取自当前承诺方案。',
        en: 'Each step’s time limit depends on the customer class (residential, LV non-residential, HV single supply, HV dual supply) and comes from the active profile.',
      },
      {
        id: 'R-APP-04',
        zh: '营业员随时掌握勘查和工程进度，客户凭查询码看到同样的进度。',
        en: 'The clerk always knows survey and works progress; the customer sees the same progress with the query code.',
      },
      {
        id: 'R-APP-05',
        zh: '居民新装一户一表；重要负荷与非重要负荷分开（申请校验规则）。',
        en: 'One meter per new residential household; important and non-important loads separated (validation rules).',
      },
      { id: 'R-APP-06', zh: '资料一次报送，各部门共享。', en: 'Documents submitted once are shared by every department.' },
    ],
  },
  {
    path: '/outages',
    title: 'nav.outages',
    summary: {
      zh: '计划、临时和故障停电的影响范围、提前通知与供电可靠性指标。',
      en: 'Planned, temporary and fault outages: who is affected, notices given in time, and reliability indicators.',
    },
    rules: [
      {
        id: 'R-OUT-01',
        zh: '登记计划、临时、故障停电及受影响线路/台区，自动得出受影响客户；按承诺校验通知提前量，重要及双电源客户优先列出。',
        en: 'Planned, temporary and fault outages with the feeders and areas affected, hence the customers; notice lead time checked against the commitments; important and dual-supply customers listed first.',
      },
      {
        id: 'R-OUT-02',
        zh: '通过可配置渠道（短信、邮件、门户、电话清单）发布停电通知，每次发送留痕。',
        en: 'Notices through configurable channels (SMS, e-mail, portal, phone list), each attempt logged.',
      },
      { id: 'R-OUT-03', zh: '限电序位表版本化管理并对外公布。', en: 'Load-shedding order list, versioned and published.' },
      {
        id: 'R-OUT-04',
        zh: '供电可靠率、户均停电时间、户均停电次数、平均故障修复时间、电压合格率；城区、农村、偏远地区抢修到达时间。',
        en: 'Supply reliability, average outage time and count per customer, average restoration time, voltage qualification rate; repair arrival time urban / rural / remote.',
      },
    ],
  },
  {
    path: '/safety',
    title: 'nav.safety',
    summary: {
      zh: '两票管理、标准化作业、安全工器具和安全活动的记录与考核。',
      en: 'Work and operation tickets, standard procedures, safety tools and safety meetings, recorded and assessed.',
    },
    rules: [
      {
        id: 'R-SAFE-01',
        zh: '工作票、操作票登记与检查；两票使用率和合格率（目标 100%）。',
        en: 'Work and operation tickets registered and checked; usage and correctness rates (target 100%).',
      },
      {
        id: 'R-SAFE-02',
        zh: '标准化作业指导书及危险点；现场监督检查：班前会、任务交底、宣读票面、签名、危险点控制、监护到位。',
        en: 'Standard operation procedures with hazard points; on-site checklist: pre-shift meeting, task briefing, ticket read out, signatures, hazards controlled, supervisor present.',
      },
      {
        id: 'R-SAFE-03',
        zh: '安全工器具台账：保管人、存放位置、定期试验到期日及超期告警。',
        en: 'Safety tools register: custodian, location, periodic test due dates, overdue alarms.',
      },
      {
        id: 'R-SAFE-04',
        zh: '安全例会、安全分析会、事故警示会、班前班后会纪要；反事故措施和劳动保护计划。',
        en: 'Minutes of safety, analysis, accident-recall and pre/post-shift meetings; anti-accident and labour-protection plans.',
      },
      {
        id: 'R-SAFE-05',
        zh: '每月初进行安全考核，计入当月绩效。',
        en: 'Monthly safety assessment at the start of each month feeds the month’s performance score.',
      },
    ],
  },
  {
    path: '/assessment',
    title: 'nav.assessment',
    summary: {
      zh: '按百分制标准开展自查、抽查、暗访，问题扣分、限期整改、升级处罚与年度评比。',
      en: 'Self-checks, spot checks and mystery visits against 100-point standards; deductions, rectification, escalation and the annual evaluation.',
    },
    rules: [
      {
        id: 'R-ASSESS-01',
        zh: '标准库：百分制检查表，默认为营业厅服务标准（着装、工号牌、“五净四整齐”、十五项公开、十不准等），可增加其他窗口模板。',
        en: 'Standards library: 100-point checklists, the service-hall standard by default (dress, badge, hall environment, the 15 disclosures, the ten prohibitions …), other windows as templates.',
      },
      {
        id: 'R-ASSESS-02',
        zh: '检查类型：班组季度自查、供电所抽查、暗访、年度全面检查、监督员反映。',
        en: 'Inspection kinds: quarterly team self-check, station spot check, mystery visit, annual full check, supervisor report.',
      },
      {
        id: 'R-ASSESS-03',
        zh: '每个问题扣分并落实到人或班组，下达限期整改通知；整改需前后对比照片并经检查人验收。',
        en: 'Each finding deducts points, names the person or team and opens a rectification notice; closure needs before/after photos and the inspector’s acceptance.',
      },
      {
        id: 'R-ASSESS-04',
        zh: '重复问题逐级升级：首次当场纠正，二次下达违规通知，三次按考核办法处罚；外包单位逾期未整改每项 100 元。',
        en: 'Repeat findings escalate: corrected on the spot, then a violation notice, then the penalty; an outsourced vendor pays 100 yuan per item not rectified in time.',
      },
      {
        id: 'R-ASSESS-05',
        zh: '年度评比：11 月 30 日前自评、12 月 5 日前上报、12 月复评排名；前三名须不低于 80 分且无否决事项方可表彰推荐。',
        en: 'Annual evaluation: self-evaluation by 30 Nov, submission by 5 Dec, December review and ranking; the top three are rewarded only with at least 80 points and no disqualifying event.',
      },
      {
        id: 'R-ASSESS-06',
        zh: '员工每日 5 分制评分汇总到月，月度服务之星、窗口人员星级评定，岗位工资系数与评分挂钩。',
        en: 'Daily five-point staff scores summed per month, monthly service star, counter staff star rating, pay coefficient fed by the scores.',
      },
      {
        id: 'R-ASSESS-07',
        zh: '处罚：每次违规 200 元累计，查实严重投诉 200–500 元，取消年度评优、待岗或调岗；罚款入账，不设小金库。',
        en: 'Penalties: 200 yuan per violation, 200–500 yuan for a verified serious complaint, loss of honours, suspension or removal; fines go to the books, never to a private fund.',
      },
    ],
  },
  {
    path: '/quality',
    title: 'nav.quality',
    summary: {
      zh: '客户满意度指数（CSI）测评、年度内部评价、持续改进与品管圈。',
      en: 'Customer satisfaction index (CSI) surveys, the annual internal evaluation, continuous improvement and quality circles.',
    },
    rules: [
      {
        id: 'R-QUAL-01',
        zh: '按渠道（营业厅、电话、门户、现场）设计问卷，覆盖 CSI 各维度：形象、预期、感知质量、感知价值、满意度、抱怨、忠诚。',
        en: 'Questionnaires by channel (hall, phone, portal, on-site) covering the CSI dimensions: image, expectations, perceived quality, perceived value, satisfaction, complaints, loyalty.',
      },
      {
        id: 'R-QUAL-02',
        zh: '各单位 CSI 由分项得分和权重计算；上级汇总 = 60% × Σ(下级 CSI × 客户数权重) + 40% × Σ(下级 CSI × 售电量权重)。',
        en: 'CSI per unit from item scores and weights; parent = 60% × Σ(child CSI × customer weight) + 40% × Σ(child CSI × sales weight).',
      },
      {
        id: 'R-QUAL-03',
        zh: '每年 12 月底前内部评价，指标（窗口达标、供电质量、热线、业扩、抄核收、抢修到达、投诉处理等）全部由系统记录自动计算。',
        en: 'Annual internal evaluation by end of December; every indicator (windows, supply quality, hotline, applications, billing, repair arrival, complaints …) computed from the system’s own records.',
      },
      {
        id: 'R-QUAL-04',
        zh: '评价→分析→改进→再评价：改进措施有责任人和期限；指标权重年初确定；次年 1 月 15 日前导出年度报告。',
        en: 'Evaluate → analyse → improve → re-evaluate: actions with owners and due dates; weights fixed at the start of the year; annual report exported by 15 January.',
      },
      {
        id: 'R-QUAL-05',
        zh: '品管圈：主题、成员、原因分析、对策，以及改进前后知识与满意度得分对比和显著性检验。',
        en: 'Quality circles: theme, members, cause analysis, countermeasures, before/after knowledge and satisfaction scores with a significance test.',
      },
    ],
  },
];

export function ComingSoonPage({ section }: { section: PlannedSection }) {
  const t = useT();
  const first = section.rules[0]?.id;
  const last = section.rules.at(-1)?.id;
  return (
    <>
      <PageHeader
        title={t(section.title)}
        rules={first && last ? [first === last ? first : `${first} … ${last}`] : []}
        extra={<Tag color="orange">{t('common.coming')}</Tag>}
      />
      <Card title={t('placeholder.plan')}>
        <Typography.Paragraph>{t(section.summary)}</Typography.Paragraph>
        <Descriptions
          bordered
          column={1}
          size="small"
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={section.rules.map((rule) => ({ key: rule.id, label: rule.id, children: t(rule) }))}
        />
      </Card>
    </>
  );
}
