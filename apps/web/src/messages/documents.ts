// Console texts of the rules settings page: the policy documents an administrator keeps (role
// permissions, access limits, attachment limits, banned phrases, theft and violation rules).
import type { Text } from '../i18n';

export const documentMessages = {
  'nav.rules': { zh: '规则与权限', en: 'Rules and permissions' },

  'rules.intro': {
    zh: '以下规则都以版本保存：修改后发布为新版本，立即生效；历次版本保留，可随时恢复。承诺时限、线损与抄表规则和电价表在各自页面维护。',
    en: 'Each of these rules is kept in versions: a change is published as a new version and applies at once; earlier versions are kept and can be put back. Commitments, metering rules and tariffs have pages of their own.',
  },
  'rules.elsewhere': { zh: '在其他页面维护', en: 'Kept on their own pages' },
  'rules.current': { zh: '现行第 {version} 版', en: 'Version {version} in force' },
  'rules.shipped': { zh: '系统默认', en: 'Shipped default' },
  'rules.edit': { zh: '修改并发布新版本', en: 'Edit and publish a new version' },
  'rules.publish': { zh: '发布', en: 'Publish' },
  'rules.cancel': { zh: '取消', en: 'Cancel' },
  'rules.published': { zh: '已发布第 {version} 版，立即生效', en: 'Version {version} published and in force' },
  'rules.restored': { zh: '已恢复第 {version} 版', en: 'Version {version} is in force again' },
  'rules.note': { zh: '修订说明', en: 'Note' },
  'rules.versions': { zh: '版本记录', en: 'Versions' },
  'rules.version': { zh: '版本', en: 'Version' },
  'rules.status': { zh: '状态', en: 'Status' },
  'rules.status.draft': { zh: '草稿', en: 'Draft' },
  'rules.status.published': { zh: '已发布', en: 'Published' },
  'rules.status.superseded': { zh: '已替代', en: 'Superseded' },
  'rules.inForce': { zh: '生效中', en: 'In force' },
  'rules.by': { zh: '发布人', en: 'Published by' },
  'rules.at': { zh: '发布时间', en: 'Published' },
  'rules.restore': { zh: '恢复此版本', en: 'Put back' },
  'rules.restoreConfirm': { zh: '恢复第 {version} 版并立即生效？', en: 'Put version {version} back in force now?' },
  'rules.noAccess': { zh: '您没有查看此项规则的权限', en: 'You may not see these rules' },

  'rules.role': { zh: '角色', en: 'Role' },
  'rules.permission': { zh: '权限', en: 'Permission' },
  'rules.rolesHint': {
    zh: '勾选每个角色可以做的事。系统管理员必须保留“修改承诺与规则”，以便随时纠正。',
    en: 'Tick what each role may do. The administrator keeps “change commitments and rules”, so that a mistake can always be undone.',
  },

  'rules.rate.loginPerMinute': { zh: '每分钟登录尝试（同一地址、同一用户名）', en: 'Sign-in attempts a minute (per address and username)' },
  'rules.rate.portalSubmitPerMinute': { zh: '每分钟网上提交诉求（同一地址）', en: 'Portal submissions a minute (per address)' },
  'rules.rate.portalTrackPerMinute': { zh: '每分钟查询办理进度（同一地址）', en: 'Case look-ups a minute (per address)' },
  'rules.rate.billQueryPerMinute': { zh: '每分钟电费查询（同一地址）', en: 'Bill queries a minute (per address)' },
  'rules.times': { zh: '次', en: 'times' },
  'rules.attach.maxBytes': { zh: '单个附件大小上限', en: 'Largest attachment' },
  'rules.attach.maxPerCase': { zh: '每件工单附件数上限', en: 'Attachments per case' },
  'rules.files': { zh: '个', en: 'files' },
  'rules.phrases': { zh: '禁用的推诿用语', en: 'Banned evasive phrases' },
  'rules.phrasesHint': {
    zh: '任何发给客户的消息和办结意见都不得含有这些用语。可以增加，不能删除“不知道”“不清楚”“请问别人去”“不属我管”。输入后按回车添加。',
    en: 'No message to a customer and no case result may contain these. You may add phrases but not remove the four standard ones. Type and press Enter to add.',
  },
  'rules.theftMultiple': { zh: '窃电违约使用电费倍数', en: 'Theft penalty (multiple of the unpaid charges)' },
  'rules.violation': { zh: '违约用电类别', en: 'Violation' },
  'rules.energyMultiple': { zh: '电费差额倍数', en: 'Multiple of the charge difference' },
  'rules.perKw': { zh: '每千瓦（千伏安）违约使用电费', en: 'Per kW (kVA)' },
  'rules.perTimeResidential': { zh: '每次（居民）', en: 'Per time (residential)' },
  'rules.perTimeOther': { zh: '每次（其他）', en: 'Per time (others)' },
  'rules.assumedMonths': { zh: '时间不清时按月计', en: 'Months assumed if unknown' },
} satisfies Record<string, Text>;
