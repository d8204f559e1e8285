// The demo station's organisation: 示范供电所 with its three teams (R-ORG-01) and about thirty
// staff in the posts of R-ORG-02, "一长三员三班" as in seed 001.
import type { Post, Role, TeamKind } from '@griddesk/shared';

export const DEMO_STATION = {
  code: 'ST01',
  name: '示范供电所',
  nameEn: 'Demo Supply Station',
  address: '示范县城关镇人民路 88 号',
  phone: '0379-66880000',
  serviceHours: '营业厅 8:00–18:00（节假日照常）；故障报修 24 小时',
};

export const DEMO_TEAMS: { code: string; name: string; kind: TeamKind }[] = [
  { code: 'ST01-KF', name: '客户服务班', kind: 'customer_service' },
  { code: 'ST01-PD', name: '配电班', kind: 'distribution' },
  { code: 'ST01-YY', name: '营业班', kind: 'business' },
];

export interface DemoStaff {
  username: string;
  name: string;
  post: Post;
  roles: Role[];
  /** team code, or null for the station itself */
  team: string | null;
  onDuty: boolean;
}

const S = (username: string, name: string, post: Post, roles: Role[], team: string | null, onDuty = true): DemoStaff => ({
  username,
  name,
  post,
  roles,
  team,
  onDuty,
});

export const DEMO_STAFF: DemoStaff[] = [
  S('wangjianguo', '王建国', 'station_head', ['station_head'], null),
  S('lihua', '李华', 'safety_officer', ['safety_officer'], null),
  S('zhangmin', '张敏', 'technician', ['inspector'], null),
  S('chenjing', '陈静', 'business_clerk', ['clerk'], null),
  S('zhaolei', '赵磊', 'lobby_manager', ['clerk'], 'ST01-KF'),
  S('liuyang', '刘洋', 'team_leader', ['team_leader'], 'ST01-KF'),
  S('sunli', '孙丽', 'business_clerk', ['clerk'], 'ST01-KF'),
  S('zhouting', '周婷', 'business_clerk', ['clerk'], 'ST01-KF'),
  S('wuxia', '吴霞', 'business_clerk', ['clerk'], 'ST01-KF', false),
  S('zhengfang', '郑芳', 'business_clerk', ['clerk'], 'ST01-KF'),
  S('huangqiang', '黄强', 'team_leader', ['team_leader', 'repair_crew'], 'ST01-PD'),
  S('xujun', '徐军', 'rural_electrician', ['repair_crew'], 'ST01-PD'),
  S('hegang', '何刚', 'rural_electrician', ['repair_crew'], 'ST01-PD'),
  S('guoyong', '郭勇', 'rural_electrician', ['repair_crew'], 'ST01-PD'),
  S('linbo', '林波', 'rural_electrician', ['repair_crew'], 'ST01-PD', false),
  S('luotao', '罗涛', 'rural_electrician', ['repair_crew'], 'ST01-PD'),
  S('gaofeng', '高峰', 'technician', ['repair_crew'], 'ST01-PD'),
  S('majun', '马骏', 'rural_electrician', ['repair_crew'], 'ST01-PD'),
  S('zhuhai', '朱海', 'rural_electrician', ['repair_crew'], 'ST01-PD', false),
  S('hulin', '胡林', 'rural_electrician', ['repair_crew'], 'ST01-PD'),
  S('yangfan', '杨帆', 'team_leader', ['team_leader'], 'ST01-YY'),
  S('songyan', '宋燕', 'business_clerk', ['clerk'], 'ST01-YY'),
  S('tangwei', '唐伟', 'rural_electrician', ['clerk'], 'ST01-YY'),
  S('hanxue', '韩雪', 'business_clerk', ['clerk'], 'ST01-YY'),
  S('fengchao', '冯超', 'rural_electrician', ['clerk'], 'ST01-YY'),
  S('dengpeng', '邓鹏', 'rural_electrician', ['clerk'], 'ST01-YY', false),
  S('caoli', '曹莉', 'business_clerk', ['clerk'], 'ST01-YY'),
  S('xiemei', '谢梅', 'conduct_supervisor', ['supervisor'], null, false),
  S('panwen', '潘文', 'conduct_supervisor', ['supervisor'], null, false),
  S('jiangshan', '蒋珊', 'auditor', ['auditor'], null, false),
];

/** Badge numbers (工号) are station code + sequence, as printed on the staff card. */
export const badgeNo = (i: number) => `SF${String(i + 1).padStart(4, '0')}`;
