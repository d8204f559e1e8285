// Word lists for the demo ledger generator (generator.ts). Plain data, no logic: the generator
// combines these into personal names, shop and company names, towns, villages and streets.

/**
 * Common surnames with a rough relative frequency (per mille of the population, after the
 * national surname statistics), so that 王/李/张/刘/陈 dominate the way they do in a real ledger.
 */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20],
  ['吴', 20], ['周', 19], ['徐', 13], ['孙', 13], ['马', 12], ['朱', 12], ['胡', 11], ['郭', 11],
  ['何', 11], ['林', 10], ['高', 10], ['罗', 9], ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 6],
  ['唐', 6], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6], ['彭', 5], ['曾', 5],
  ['肖', 5], ['田', 5], ['董', 5], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3],
  ['任', 3], ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3],
  ['陆', 2], ['汪', 2], ['范', 2], ['金', 2], ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2],
  ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2], ['熊', 2], ['秦', 2],
  ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 1], ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1],
  ['龚', 1], ['邵', 1], ['万', 1], ['钱', 1], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1],
  ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1],
];

/**
 * Given names: a first and a second character of the same register, or one second character
 * alone (王伟, 李秀英). Keeping the two positions apart avoids odd pairs such as 磊龙 or 军永.
 */
export const GIVEN_FIRST_MALE: readonly string[] = [...'建国志文明海永德学春长金振宏家立俊子浩宇晓小新庆荣光世天玉昌红卫兴成云'];
export const GIVEN_SECOND_MALE: readonly string[] = [...'伟强军勇杰涛明华平刚斌辉林峰鹏波磊超龙飞东成生祥忠民亮鑫阳锋坤松江山福贵荣新国文'];
export const GIVEN_FIRST_FEMALE: readonly string[] = [...'秀桂玉丽春红美晓小淑凤海雪金彩翠月冬慧静佳雅欣'];
export const GIVEN_SECOND_FEMALE: readonly string[] = [...'英兰芳娟敏静艳霞玲萍燕梅琴珍凤婷慧娜莉花云琳颖菊莲香华洁'];

/** Whole given names that are common among the (mostly older) registered account holders. */
export const GIVEN_NAMES_COMMON: readonly string[] = [
  '建国', '建华', '建军', '建平', '国强', '国平', '国华', '志强', '志刚', '志明', '永红', '永清',
  '海涛', '海燕', '红梅', '红霞', '秀英', '秀兰', '秀珍', '秀云', '桂英', '桂兰', '桂芳', '桂花',
  '玉兰', '玉梅', '玉珍', '玉芳', '凤英', '凤兰', '淑珍', '淑华', '丽娟', '丽华', '春花', '春梅',
  '德明', '德华', '德福', '福生', '金生', '金花', '长林', '长江', '学军', '学文', '文华', '文斌',
  '卫东', '卫国', '向东', '向阳', '红旗', '解放', '援朝', '胜利', '爱华', '爱民', '小平', '小红',
  '宏伟', '宏亮', '明华', '明亮', '振华', '振国', '兴旺', '家明', '家强', '立新', '立军', '新民',
];

/**
 * Townships of the demo county (镇/乡). The first is always the county seat (城关镇), whose
 * areas are mostly urban streets. `stem` names the 10 kV lines (10kV城关一线, 10kV河西线).
 */
export const TOWNS: readonly { readonly name: string; readonly stem: string }[] = [
  ['城关镇', '城关'], ['河西镇', '河西'], ['东坝镇', '东坝'], ['石桥镇', '石桥'], ['青山乡', '青山'],
  ['柳林镇', '柳林'], ['白沙镇', '白沙'], ['新集乡', '新集'], ['龙泉镇', '龙泉'], ['桃源乡', '桃源'],
  ['黄岭镇', '黄岭'], ['南湖镇', '南湖'], ['北山乡', '北山'], ['三河镇', '三河'], ['双庙乡', '双庙'],
  ['高桥镇', '高桥'], ['清水镇', '清水'], ['马坊乡', '马坊'], ['金竹乡', '金竹'], ['太平镇', '太平'],
  ['永安镇', '永安'], ['长岭乡', '长岭'], ['望江镇', '望江'], ['凤凰镇', '凤凰'], ['云台乡', '云台'],
  ['梅花镇', '梅花'], ['杨柳乡', '杨柳'], ['红石镇', '红石'], ['大坪乡', '大坪'], ['临河镇', '临河'],
  ['五里镇', '五里'], ['新店镇', '新店'], ['古城乡', '古城'], ['安乐镇', '安乐'], ['鹤山乡', '鹤山'],
  ['沙河镇', '沙河'], ['兴隆镇', '兴隆'], ['白马乡', '白马'], ['仁和镇', '仁和'], ['九龙乡', '九龙'],
].map(([name, stem]) => ({ name: name!, stem: stem! }));

/** Streets of the county seat. */
export const SEAT_STREETS: readonly string[] = [
  '东街', '西街', '南街', '北街', '中山路', '人民路', '解放路', '建设路', '文化路', '新华路',
  '民主路', '胜利路', '和平路', '团结路', '光明路', '幸福路', '朝阳路', '滨河路', '府前街', '沿江路',
  '站前路', '工业路', '迎宾大道', '学府路', '青年路', '健康路', '五一路', '红旗路', '长安路', '振兴路',
  '环城东路', '环城西路', '环城南路', '环城北路', '育才路', '花园街', '商贸街', '菜市街', '书院街', '城南路',
];

/** Streets of an ordinary town seat (集镇). */
export const TOWN_STREETS: readonly string[] = [
  '正街', '新街', '老街', '中街', '东街', '西街', '南街', '北街', '河街', '车站路', '环镇路', '农贸街',
];

/** Village names are a prefix plus a suffix: 李家村, 石桥村, 柳树湾村. Surname prefixes mark clan villages. */
export const VILLAGE_PREFIXES: readonly string[] = [
  '李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '高', '罗', '郑', '梁', '谢', '宋', '唐', '韩', '冯', '邓', '曹', '彭', '田',
  '石', '柳树', '桃花', '杏树', '枣林', '松林', '竹林', '梅子', '东', '西', '南', '北', '前', '后',
  '上', '下', '大', '小', '新', '老', '高家', '双', '三合', '白石', '黄土', '青龙', '红岩', '龙王', '凤山', '金鸡',
];
export const VILLAGE_SUFFIXES: readonly string[] = [
  '家村', '庄村', '湾村', '坪村', '沟村', '岭村', '河村', '桥村', '店村', '集村',
  '营村', '寨村', '堡村', '楼村', '园村', '坝村', '屯村', '铺村', '塘村', '洼村',
];

/** Shop brands and shop kinds: 城关镇惠民超市, 李家村便民小卖部. */
export const SHOP_BRANDS: readonly string[] = [
  '惠民', '便民', '兴隆', '鑫鑫', '好又多', '万家', '联华', '福满多', '家家乐', '顺心', '阳光', '红星',
  '金鑫', '华联', '美佳', '百姓', '乐购', '富民', '丰收', '新时代', '天天', '利民', '永辉', '诚信',
];
export const SHOP_KINDS: readonly string[] = [
  '超市', '便利店', '小卖部', '五金店', '饭店', '餐馆', '理发店', '药店', '农资店', '建材店', '服装店',
  '手机店', '快递驿站', '早餐店', '茶楼', '宾馆', '汽修店', '电动车行', '粮油店', '家电维修部', '水果店',
  '烟酒店', '面馆', '摩托车修理部', '诊所', '照相馆', '网吧', '棋牌室', '洗车店', '烧烤店',
];

/** Company brands and industries: 示范县宏达建材有限公司, 河西镇永兴砖厂. */
export const COMPANY_BRANDS: readonly string[] = [
  '宏达', '鑫源', '华强', '永兴', '恒通', '金鼎', '盛世', '长城', '兴旺', '福源', '顺发', '天成',
  '瑞丰', '润泽', '宏远', '正大', '东方', '银河', '佳和', '泰丰', '国泰', '宝丰', '荣盛', '恒基',
  '金龙', '鸿运', '华鑫', '新世纪', '绿源', '昌盛', '博远', '众和', '海天', '中兴', '德隆', '益民',
];
export const LIGHT_INDUSTRIES: readonly string[] = [
  '建材', '纺织', '食品', '木业', '陶瓷', '钢构', '塑业', '电子', '农业科技', '物流', '商贸', '服饰',
  '包装', '家具', '印务', '酒业', '茶业', '米业', '门窗', '环保科技',
];
export const HEAVY_INDUSTRIES: readonly string[] = [
  '化工', '水泥', '矿业', '冶金', '制药', '铸造', '钢铁', '造纸', '热电', '新材料',
];
export const COMPANY_SUFFIXES: readonly string[] = ['有限公司', '有限责任公司', '股份有限公司'];

/** Small works of a town or village: 河西镇永兴砖厂, 李家村红星面粉厂. */
export const SMALL_WORKS: readonly string[] = [
  '砖厂', '米厂', '面粉厂', '木材加工厂', '石料厂', '饲料厂', '预制板厂', '农机修理厂', '榨油坊', '豆腐坊',
  '竹木加工厂', '编织袋厂', '砂石场', '碾米厂',
];

/** Agricultural (AGR tariff) uses, named after their village: 李家村灌溉泵站. */
export const FARM_WORKS: readonly string[] = [
  '灌溉泵站', '排灌站', '提灌站', '抗旱机井', '养猪场', '养鸡场', '渔场', '蔬菜大棚', '家庭农场', '种植专业合作社',
  '茶叶加工点', '育秧工厂',
];

/** Public institutions at village / street level (name = location + kind) and whether they count as important. */
export const VILLAGE_INSTITUTIONS: readonly (readonly [string, boolean])[] = [
  ['小学', true], ['幼儿园', true], ['卫生室', true], ['供水站', true], ['村民委员会', false],
];
export const STREET_INSTITUTIONS: readonly (readonly [string, boolean])[] = [
  ['社区卫生服务站', true], ['幼儿园', true], ['社区居民委员会', false],
];
/** Public institutions at town level (name = town + kind). */
export const TOWN_INSTITUTIONS: readonly (readonly [string, boolean])[] = [
  ['中心小学', true], ['中学', true], ['卫生院', true], ['自来水厂', true], ['人民政府', true], ['派出所', true],
  ['财政所', false], ['敬老院', true], ['农村信用社', false], ['邮政所', false],
];

/** County-level institutions on 10 kV supply (name = county + kind); all important, the first ones dual-supplied. */
export const COUNTY_INSTITUTIONS: readonly string[] = [
  '人民医院', '自来水公司', '中医院', '人民政府', '公安局', '第二人民医院', '妇幼保健院', '污水处理厂',
  '第一中学', '广播电视台', '第二水厂', '疾病预防控制中心', '第二中学', '职业技术学校', '汽车客运站',
  '看守所', '消防救援大队', '天然气公司', '人民法院', '应急管理局',
];

/** 10 kV commercial customers that are not industry: 示范县金鼎大酒店. */
export const HV_COMMERCE: readonly string[] = ['大酒店', '购物广场', '商贸城', '房地产开发有限公司', '物业管理有限公司', '冷链物流园'];

/** Mobile number prefixes in use on the mainland (3 digits, followed by 8 more). */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182',
  '183', '184', '185', '186', '187', '188', '189', '191', '198', '199', '147', '145',
];
