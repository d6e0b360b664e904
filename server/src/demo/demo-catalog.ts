import {
  type Audience,
  type CoDepartmentSpec,
  type HandlingKind,
  type MaterialSpec,
  type MatterContent,
  matterCode,
  type MatterType,
} from '@onewindow/shared';
import type { EntityManager } from 'typeorm';
import { MatterEntity, MatterVersionEntity } from '../modules/catalog/catalog.entities.js';
import { DepartmentEntity } from '../modules/organization/department.entity.js';
import { FeeItemEntity } from '../modules/fees/fee-item.entity.js';

const PHONE = '0571-12345678';

const FEES = [
  { code: 'BDC001', name: '不动产登记费（住宅）', legalBasis: '《不动产登记暂行条例》；《财政部 国家发展改革委关于不动产登记收费有关政策问题的通知》（财税〔2016〕79号）', approvingDocument: '发改价格规〔2016〕2559号', standardKind: 'FIXED' as const, amountFen: 8000 },
  { code: 'BDC002', name: '不动产登记费（非住宅）', legalBasis: '《不动产登记暂行条例》；财税〔2016〕79号', approvingDocument: '发改价格规〔2016〕2559号', standardKind: 'FIXED' as const, amountFen: 55000 },
  { code: 'BDC003', name: '不动产权属证书工本费（第二本起）', legalBasis: '财税〔2016〕79号', approvingDocument: '发改价格规〔2016〕2559号', standardKind: 'UNIT_PRICE' as const, unitPriceFen: 1000, unitName: '本' },
  { code: 'GA001', name: '机动车号牌工本费（汽车反光号牌）', legalBasis: '《中华人民共和国道路交通安全法》第八条；《财政部 国家发展改革委关于公安部门收取机动车号牌工本费等收费项目有关问题的通知》', approvingDocument: '发改价格〔2004〕2831号', standardKind: 'FIXED' as const, amountFen: 10000 },
  { code: 'CRJ001', name: '普通护照签发费', legalBasis: '《中华人民共和国护照法》第五条；《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》', approvingDocument: '发改价格〔2017〕1186号', standardKind: 'FIXED' as const, amountFen: 12000 },
  { code: 'CRJ002', name: '往来港澳通行证（电子卡式）签发费', legalBasis: '《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》；发改价格〔2017〕1186号', approvingDocument: '发改价格〔2017〕1186号', standardKind: 'FIXED' as const, amountFen: 6000 },
];

const m = (name: string, form: MaterialSpec['form'] = 'ORIGINAL', extra: Partial<MaterialSpec> = {}): MaterialSpec => ({ name, form, copies: 1, required: true, deferrable: false, ...extra });
const id = m('申请人身份证明', 'ORIGINAL_AND_COPY');
const license = m('营业执照', 'COPY');

interface Spec {
  dept: string;
  type: MatterType;
  name: string;
  kind: HandlingKind;
  statutory: number;
  promised: number;
  audience: Audience;
  themes?: string[];
  lifeEvents?: string[];
  keywords: string[];
  description: string;
  legalBasis: string;
  conditions: string;
  materials: MaterialSpec[];
  fees?: string[];
  co?: { dept: string; days: number; silence: boolean }[];
  visits?: number;
  expertReview?: boolean;
}

/** Real-looking demo matters of the demo city (the published guides citizens search). */
const MATTERS: Spec[] = [
  { dept: 'SCJG', type: 'ADMINISTRATIVE_LICENSE', name: '食品经营许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'BOTH', themes: ['开办企业'], lifeEvents: ['开办餐馆'], keywords: ['餐饮', '食品销售', '小吃店'], description: '在本市从事食品销售和餐饮服务活动，应当依法取得食品经营许可。', legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》', conditions: '具有与经营的食品品种、数量相适应的经营场所和设备设施，有专职或兼职的食品安全管理人员和管理制度。', materials: [m('食品经营许可申请书'), license, m('与食品经营相适应的主要设备设施布局、操作流程等文件', 'COPY'), m('食品安全自查、从业人员健康管理等制度目录', 'COPY', { deferrable: true })], visits: 1, expertReview: false },
  { dept: 'SCJG', type: 'OTHER_POWER', name: '个体工商户登记', kind: 'IMMEDIATE', statutory: 15, promised: 0, audience: 'CITIZEN', themes: ['开办企业'], lifeEvents: ['个体经营'], keywords: ['营业执照', '个体户', '开店'], description: '个体工商户的设立、变更和注销登记，材料齐全的当场办结。', legalBasis: '《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》', conditions: '有经营能力的自然人，有固定的经营场所。', materials: [m('个体工商户登记（备案）申请书'), id, m('经营场所使用证明', 'COPY')] },
  { dept: 'SCJG', type: 'ADMINISTRATIVE_LICENSE', name: '特种设备使用登记', kind: 'PROMISED', statutory: 15, promised: 5, audience: 'LEGAL_PERSON', themes: ['安全生产'], keywords: ['电梯', '锅炉', '压力容器'], description: '电梯、锅炉、压力容器等特种设备投入使用前或者投入使用后三十日内办理使用登记。', legalBasis: '《中华人民共和国特种设备安全法》第三十三条', conditions: '特种设备经监督检验合格。', materials: [m('特种设备使用登记表'), license, m('产品合格证', 'COPY'), m('监督检验证明', 'COPY')] },
  { dept: 'WJW', type: 'ADMINISTRATIVE_LICENSE', name: '公共场所卫生许可', kind: 'PROMISED', statutory: 20, promised: 7, audience: 'BOTH', themes: ['开办企业'], keywords: ['宾馆', '美容美发', '游泳场所', '卫生许可证'], description: '住宿、沐浴、美容美发、游泳等公共场所经营者申领卫生许可证。', legalBasis: '《公共场所卫生管理条例》第八条', conditions: '经营场所、设施符合公共场所卫生标准和要求。', materials: [m('公共场所卫生许可申请表'), license, m('公共场所卫生检测或者评价报告', 'COPY', { deferrable: true })], visits: 1 },
  { dept: 'WJW', type: 'ADMINISTRATIVE_LICENSE', name: '医疗机构执业登记', kind: 'PROMISED', statutory: 45, promised: 20, audience: 'LEGAL_PERSON', themes: ['医疗卫生'], keywords: ['诊所', '门诊部', '医疗机构执业许可证'], description: '医疗机构执业，须进行登记，领取医疗机构执业许可证。', legalBasis: '《医疗机构管理条例》第十五条', conditions: '按照设置审批或备案确定的类别、规模建成，符合医疗机构基本标准。', materials: [m('医疗机构执业登记申请书'), m('医疗机构用房产权证明或者使用证明', 'COPY'), m('医疗机构建筑设计平面图', 'COPY'), m('医疗机构规章制度', 'COPY')], visits: 1, expertReview: true },
  { dept: 'ZJJ', type: 'ADMINISTRATIVE_LICENSE', name: '建筑工程施工许可证核发', kind: 'JOINT', statutory: 15, promised: 7, audience: 'LEGAL_PERSON', themes: ['工程建设'], keywords: ['施工许可', '开工'], description: '在本市行政区域内从事各类房屋建筑及其附属设施的建造、装修装饰和与其配套的线路、管道、设备的安装，以及城镇市政基础设施工程的施工，开工前申领施工许可证。', legalBasis: '《中华人民共和国建筑法》第七条；《建筑工程施工许可管理办法》', conditions: '已办理用地批准手续，已取得建设工程规划许可证，施工场地已基本具备施工条件，已确定施工企业。', materials: [m('建筑工程施工许可证申请表'), m('建设工程规划许可证', 'COPY'), m('施工合同', 'COPY'), m('建设资金已落实承诺书')], co: [{ dept: 'ZRZY', days: 5, silence: true }, { dept: 'CGJ', days: 5, silence: true }] },
  { dept: 'ZRZY', type: 'ADMINISTRATIVE_CONFIRMATION', name: '不动产登记（转移登记）', kind: 'PROMISED', statutory: 30, promised: 5, audience: 'BOTH', themes: ['不动产'], lifeEvents: ['二手房买卖'], keywords: ['过户', '房产证', '不动产权证书'], description: '因买卖、赠与、继承等导致不动产权利转移的，当事人申请转移登记。', legalBasis: '《不动产登记暂行条例》第二十条；《不动产登记暂行条例实施细则》', conditions: '不动产已办理首次登记，权属清楚、无争议。', materials: [m('不动产登记申请书'), id, m('不动产权属证书'), m('不动产转移的材料（买卖合同等）', 'ORIGINAL_AND_COPY'), m('完税证明', 'COPY')], fees: ['BDC001', 'BDC003'], visits: 1 },
  { dept: 'ZRZY', type: 'ADMINISTRATIVE_LICENSE', name: '建设工程规划许可证核发', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['工程建设'], keywords: ['规划许可', '设计方案'], description: '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，申领建设工程规划许可证。', legalBasis: '《中华人民共和国城乡规划法》第四十条', conditions: '取得土地使用权，设计方案符合控制性详细规划和规划条件。', materials: [m('建设工程规划许可申请表'), m('使用土地的有关证明文件', 'COPY'), m('建设工程设计方案', 'ORIGINAL', { copies: 2 })], expertReview: true },
  { dept: 'JTYS', type: 'ADMINISTRATIVE_LICENSE', name: '道路运输经营许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['交通运输'], keywords: ['货运', '客运', '道路运输经营许可证'], description: '从事道路旅客运输经营、道路货物运输经营（使用总质量4500千克以下普通货运车辆的除外）的，申领道路运输经营许可证。', legalBasis: '《中华人民共和国道路运输条例》第二十四条', conditions: '有与其经营业务相适应并经检测合格的车辆，有符合规定条件的驾驶人员，有健全的安全生产管理制度。', materials: [m('道路运输经营申请表'), license, m('车辆技术等级评定证明', 'COPY'), m('驾驶人员从业资格证', 'COPY')] },
  { dept: 'STHJ', type: 'ADMINISTRATIVE_LICENSE', name: '排污许可', kind: 'PROMISED', statutory: 30, promised: 20, audience: 'LEGAL_PERSON', themes: ['生态环境'], keywords: ['排污许可证', '污染物排放'], description: '实行排污许可管理的企业事业单位和其他生产经营者，应当依法申请取得排污许可证，按照排污许可证的规定排放污染物。', legalBasis: '《排污许可管理条例》第二条', conditions: '依法取得建设项目环境影响报告书（表）批准文件或者办理环境影响登记表备案手续。', materials: [m('排污许可证申请表'), m('自行监测方案', 'COPY'), m('环境影响评价文件审批文件', 'COPY')], expertReview: true },
  { dept: 'MZJ', type: 'ADMINISTRATIVE_CONFIRMATION', name: '民办非企业单位登记', kind: 'PROMISED', statutory: 60, promised: 20, audience: 'LEGAL_PERSON', themes: ['社会组织'], keywords: ['社会服务机构', '民非'], description: '企业事业单位、社会团体和其他社会力量以及公民个人利用非国有资产举办的，从事非营利性社会服务活动的社会组织成立登记。', legalBasis: '《民办非企业单位登记管理暂行条例》第八条', conditions: '经业务主管单位审查同意，有规范的名称、必要的组织机构，有与其业务活动相适应的合法财产。', materials: [m('成立登记申请书'), m('业务主管单位的批准文件'), m('章程草案'), m('场所使用权证明', 'COPY')] },
  { dept: 'MZJ', type: 'ADMINISTRATIVE_CONFIRMATION', name: '内地居民婚姻登记', kind: 'IMMEDIATE', statutory: 0, promised: 0, audience: 'CITIZEN', lifeEvents: ['结婚'], keywords: ['结婚登记', '结婚证'], description: '要求结婚的男女双方亲自到婚姻登记机关申请结婚登记，符合条件的当场登记，发给结婚证。', legalBasis: '《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》', conditions: '男女双方完全自愿，达到法定婚龄，双方均无配偶，没有禁止结婚的亲属关系。', materials: [m('居民身份证'), m('本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明'), m('近期半身免冠合影照片', 'ORIGINAL', { copies: 3 })] },
  { dept: 'GAJ', type: 'PUBLIC_SERVICE', name: '户口迁移（市内）', kind: 'PROMISED', statutory: 10, promised: 3, audience: 'CITIZEN', lifeEvents: ['购房落户', '结婚'], keywords: ['落户', '迁户口', '户籍'], description: '本市范围内因购房、投靠等原因迁移户口。', legalBasis: '《中华人民共和国户口登记条例》第十条', conditions: '符合本市户口迁移政策规定的条件。', materials: [id, m('居民户口簿'), m('合法稳定住所证明', 'COPY')] },
  { dept: 'RSJ', type: 'PUBLIC_SERVICE', name: '社会保障卡申领', kind: 'IMMEDIATE', statutory: 0, promised: 0, audience: 'CITIZEN', lifeEvents: ['就业', '退休'], keywords: ['社保卡', '医保'], description: '参保人员申领社会保障卡，现场制卡的当场发放。', legalBasis: '《中华人民共和国社会保险法》第五十八条', conditions: '已参加本市社会保险。', materials: [m('居民身份证'), m('近期免冠证件照（电子照片可现场拍摄）', 'ORIGINAL', { required: false })] },
  { dept: 'WGLJ', type: 'ADMINISTRATIVE_LICENSE', name: '出版物零售许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'BOTH', themes: ['开办企业'], keywords: ['书店', '出版物经营许可证'], description: '单位和个体工商户从事出版物零售业务，申领出版物经营许可证。', legalBasis: '《出版管理条例》第三十五条', conditions: '有确定的企业名称和经营范围，有固定的经营场所。', materials: [m('出版物零售业务申请书'), license, m('经营场所使用证明', 'COPY')] },
  { dept: 'CGJ', type: 'ADMINISTRATIVE_LICENSE', name: '城市道路挖掘许可', kind: 'PROMISED', statutory: 20, promised: 5, audience: 'LEGAL_PERSON', themes: ['工程建设'], keywords: ['掘路', '占道', '管线施工'], description: '因工程建设需要挖掘城市道路的，应当持有关批准文件向市政工程行政主管部门申请。', legalBasis: '《城市道路管理条例》第三十条', conditions: '工程建设已取得规划批准文件，有施工方案和交通组织方案。', materials: [m('城市道路挖掘申请表'), m('规划批准文件', 'COPY'), m('施工方案及道路恢复方案')] },
  { dept: 'FGW', type: 'OTHER_POWER', name: '企业投资项目备案', kind: 'IMMEDIATE', statutory: 0, promised: 0, audience: 'LEGAL_PERSON', themes: ['工程建设', '开办企业'], keywords: ['项目备案', '投资备案'], description: '实行备案管理的企业投资项目，通过在线平台告知项目信息，即时备案。', legalBasis: '《企业投资项目核准和备案管理条例》第十三条', conditions: '项目不属于核准目录范围，符合国家产业政策。', materials: [m('项目备案信息表'), license] },
  { dept: 'YJGL', type: 'ADMINISTRATIVE_LICENSE', name: '危险化学品经营许可', kind: 'PROMISED', statutory: 30, promised: 15, audience: 'LEGAL_PERSON', themes: ['安全生产'], keywords: ['危化品', '危险化学品经营许可证'], description: '从事危险化学品经营的企业，应当依法取得危险化学品经营许可证。', legalBasis: '《危险化学品安全管理条例》第三十三条', conditions: '有符合国家标准、行业标准的经营场所，从业人员经过专业技术培训并经考核合格。', materials: [m('危险化学品经营许可证申请表'), license, m('经营场所产权证明或租赁证明', 'COPY'), m('安全生产管理制度和岗位操作规程', 'COPY')], expertReview: true },

  // --- further matters of the demo city, so that every department and handling kind has real examples ---
  { dept: 'SCJG', type: 'OTHER_POWER', name: '有限责任公司设立登记', kind: 'IMMEDIATE', statutory: 15, promised: 0, audience: 'LEGAL_PERSON', themes: ['开办企业'], keywords: ['公司注册', '营业执照', '开公司'], description: '设立有限责任公司，材料齐全、符合法定形式的当场登记，发给营业执照。', legalBasis: '《中华人民共和国公司法》第二十九条；《中华人民共和国市场主体登记管理条例》第十九条', conditions: '有符合公司章程规定的全体股东认缴的出资额，有公司名称、住所和组织机构。', materials: [m('公司登记（备案）申请书'), m('公司章程'), m('股东主体资格证明', 'COPY'), m('住所使用相关文件', 'COPY'), m('法定代表人、董事、监事和经理的任职文件')] },
  { dept: 'SCJG', type: 'OTHER_POWER', name: '企业注销登记', kind: 'PROMISED', statutory: 10, promised: 3, audience: 'LEGAL_PERSON', themes: ['开办企业'], keywords: ['公司注销', '简易注销'], description: '企业因解散、被宣告破产或者其他法定事由需要终止的，申请注销登记。', legalBasis: '《中华人民共和国市场主体登记管理条例》第三十一条', conditions: '已依法完成清算，清算报告已经股东会确认。', materials: [m('注销登记申请书'), m('清算报告'), m('营业执照正、副本')] },
  { dept: 'SCJG', type: 'ADMINISTRATIVE_LICENSE', name: '食品生产许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['开办企业'], keywords: ['食品厂', 'SC认证', '生产许可证'], description: '在本市从事食品生产活动，应当依法取得食品生产许可。', legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品生产许可管理办法》', conditions: '具有与生产的食品品种、数量相适应的生产场所、设备、工艺流程和食品安全管理制度。', materials: [m('食品生产许可申请书'), license, m('食品生产加工场所及其周围环境平面图、工艺流程图', 'COPY'), m('食品安全管理制度文本', 'COPY', { deferrable: true })], visits: 1, expertReview: false },
  { dept: 'SCJG', type: 'ADMINISTRATIVE_LICENSE', name: '药品零售企业许可', kind: 'PROMISED', statutory: 30, promised: 15, audience: 'LEGAL_PERSON', themes: ['开办企业', '医疗卫生'], keywords: ['药店', '药品经营许可证'], description: '开办药品零售企业，应当取得药品经营许可证。', legalBasis: '《中华人民共和国药品管理法》第五十一条', conditions: '有依法经过资格认定的药师或者其他药学技术人员，有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境。', materials: [m('药品经营许可证申请表'), license, m('执业药师资格证书及注册证', 'COPY'), m('经营场所平面布局图', 'COPY')], visits: 1 },
  { dept: 'SCJG', type: 'ADMINISTRATIVE_CONFIRMATION', name: '商标专用权质权登记', kind: 'PROMISED', statutory: 5, promised: 2, audience: 'BOTH', themes: ['开办企业'], keywords: ['商标质押', '融资'], description: '以注册商标专用权出质的，出质人与质权人共同申请质权登记。', legalBasis: '《中华人民共和国民法典》第四百四十四条；《注册商标专用权质押登记程序规定》', conditions: '出质商标为有效注册商标，出质人与质权人已订立书面质权合同。', materials: [m('商标专用权质权登记申请书'), m('主合同和质权合同', 'COPY'), m('出质人、质权人主体资格证明', 'COPY')] },
  { dept: 'ZJJ', type: 'ADMINISTRATIVE_LICENSE', name: '商品房预售许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['工程建设', '不动产'], keywords: ['预售证', '期房'], description: '房地产开发企业预售商品房，应当取得商品房预售许可证明。', legalBasis: '《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》', conditions: '已交付全部土地使用权出让金，取得土地使用权证书，持有建设工程规划许可证和施工许可证，投入开发建设的资金达到工程建设总投资的百分之二十五以上。', materials: [m('商品房预售许可申请表'), m('土地使用权证书', 'COPY'), m('建设工程规划许可证和施工许可证', 'COPY'), m('工程施工进度证明')], visits: 1 },
  { dept: 'ZJJ', type: 'ADMINISTRATIVE_LICENSE', name: '建筑业企业资质核准', kind: 'PROMISED', statutory: 20, promised: 15, audience: 'LEGAL_PERSON', themes: ['工程建设'], keywords: ['施工资质', '资质证书'], description: '从事建筑活动的建筑施工企业，按其资产、人员、业绩等条件申请资质，取得相应等级的资质证书。', legalBasis: '《中华人民共和国建筑法》第十三条；《建筑业企业资质管理规定》', conditions: '有符合规定的净资产、主要人员、已完成的工程业绩和技术装备。', materials: [m('建筑业企业资质申请表'), license, m('主要人员职称证书和社保证明', 'COPY'), m('企业工程业绩证明', 'COPY')], expertReview: true },
  { dept: 'ZJJ', type: 'ADMINISTRATIVE_CONFIRMATION', name: '房屋建筑和市政基础设施工程竣工验收备案', kind: 'JOINT', statutory: 15, promised: 5, audience: 'LEGAL_PERSON', themes: ['工程建设'], keywords: ['竣工备案', '联合验收'], description: '工程竣工验收合格后，建设单位办理竣工验收备案，规划、消防等专项验收并联办理。', legalBasis: '《建设工程质量管理条例》第四十九条；《房屋建筑和市政基础设施工程竣工验收备案管理办法》', conditions: '工程已按设计和合同完成，竣工验收合格。', materials: [m('竣工验收备案表'), m('工程竣工验收报告'), m('施工单位签署的工程质量保修书', 'COPY')], co: [{ dept: 'ZRZY', days: 5, silence: true }, { dept: 'CGJ', days: 3, silence: true }] },
  { dept: 'ZJJ', type: 'PUBLIC_SERVICE', name: '住房公积金提取（购房）', kind: 'IMMEDIATE', statutory: 3, promised: 0, audience: 'CITIZEN', lifeEvents: ['购房'], keywords: ['公积金', '提取'], description: '职工购买自住住房的，可以提取本人住房公积金账户内的存储余额，材料齐全的当场办结。', legalBasis: '《住房公积金管理条例》第二十四条', conditions: '购买自住住房且已缴存住房公积金。', materials: [id, m('购房合同及付款凭证', 'ORIGINAL_AND_COPY')] },
  { dept: 'ZRZY', type: 'ADMINISTRATIVE_CONFIRMATION', name: '不动产登记（首次登记）', kind: 'PROMISED', statutory: 30, promised: 10, audience: 'BOTH', themes: ['不动产'], lifeEvents: ['新房交付'], keywords: ['房产证', '首次登记', '大证'], description: '未办理不动产登记的不动产，首次申请登记。', legalBasis: '《不动产登记暂行条例》第十四条', conditions: '不动产权属来源合法，界址清楚、面积准确。', materials: [m('不动产登记申请书'), id, m('土地权属来源材料', 'COPY'), m('建设工程符合规划的材料', 'COPY'), m('房屋已竣工的材料', 'COPY')], fees: ['BDC002'] , visits: 1 },
  { dept: 'ZRZY', type: 'ADMINISTRATIVE_CONFIRMATION', name: '不动产抵押登记', kind: 'PROMISED', statutory: 30, promised: 3, audience: 'BOTH', themes: ['不动产'], lifeEvents: ['申请房贷'], keywords: ['抵押', '贷款', '他项权证'], description: '以不动产设定抵押的，当事人共同申请抵押登记。', legalBasis: '《不动产登记暂行条例》第十四条；《中华人民共和国民法典》第四百零二条', conditions: '抵押财产已办理不动产登记，抵押合同已签订。', materials: [m('不动产登记申请书'), id, m('不动产权属证书'), m('主债权合同和抵押合同', 'ORIGINAL_AND_COPY')], fees: ['BDC001'] },
  { dept: 'ZRZY', type: 'ADMINISTRATIVE_LICENSE', name: '建设用地规划许可证核发', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['工程建设'], keywords: ['用地规划', '土地'], description: '以出让或划拨方式取得国有土地使用权的建设项目，申领建设用地规划许可证。', legalBasis: '《中华人民共和国城乡规划法》第三十七条、第三十八条', conditions: '已签订国有土地使用权出让合同或取得划拨用地批准文件。', materials: [m('建设用地规划许可申请表'), m('国有土地使用权出让合同', 'COPY'), m('建设项目批准、核准或备案文件', 'COPY')] },
  { dept: 'GAJ', type: 'PUBLIC_SERVICE', name: '居民身份证换领', kind: 'PROMISED', statutory: 60, promised: 20, audience: 'CITIZEN', lifeEvents: ['证件到期'], keywords: ['身份证', '换证', '到期换领'], description: '居民身份证有效期满或者证件严重损坏不能辨认的，申请换领新证。', legalBasis: '《中华人民共和国居民身份证法》第十一条', conditions: '本市户籍居民，证件有效期满或即将期满。', materials: [m('原居民身份证'), m('居民户口簿')], visits: 2 },
  { dept: 'GAJ', type: 'ADMINISTRATIVE_LICENSE', name: '普通护照签发', kind: 'PROMISED', statutory: 15, promised: 7, audience: 'CITIZEN', lifeEvents: ['出国旅行', '留学'], keywords: ['护照', '出入境', '出国'], description: '中国公民因私出国申请普通护照。', legalBasis: '《中华人民共和国护照法》第五条', conditions: '中国公民，无法定不准出境情形。', materials: [m('中国公民出入境证件申请表'), m('居民身份证'), m('出入境证件照片', 'ORIGINAL', { notes: '可现场采集' })], fees: ['CRJ001'], visits: 2 },
  { dept: 'GAJ', type: 'ADMINISTRATIVE_LICENSE', name: '往来港澳通行证签发', kind: 'PROMISED', statutory: 15, promised: 7, audience: 'CITIZEN', lifeEvents: ['出国旅行'], keywords: ['港澳通行证', '签注', '出入境'], description: '内地居民因私往来香港、澳门，申请往来港澳通行证及签注。', legalBasis: '《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第三条', conditions: '内地居民，无法定不准出境情形。', materials: [m('往来港澳台申请表'), m('居民身份证'), m('出入境证件照片', 'ORIGINAL', { notes: '可现场采集' })], fees: ['CRJ002'], visits: 2 },
  { dept: 'GAJ', type: 'ADMINISTRATIVE_CONFIRMATION', name: '机动车注册登记', kind: 'IMMEDIATE', statutory: 2, promised: 0, audience: 'BOTH', lifeEvents: ['买车'], keywords: ['上牌', '车牌', '新车登记'], description: '初次申领机动车号牌、行驶证的，申请注册登记，查验合格的当场办结。', legalBasis: '《中华人民共和国道路交通安全法》第八条；《机动车登记规定》第七条', conditions: '机动车经查验合格，已缴纳车辆购置税并投保交强险。', materials: [m('机动车注册登记申请表'), id, m('购车发票'), m('车辆购置税完税证明'), m('交强险保单')], fees: ['GA001'] },
  { dept: 'GAJ', type: 'PUBLIC_SERVICE', name: '新生儿入户', kind: 'IMMEDIATE', statutory: 10, promised: 0, audience: 'CITIZEN', lifeEvents: ['生育'], keywords: ['出生登记', '报户口', '上户口'], description: '婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。', legalBasis: '《中华人民共和国户口登记条例》第七条', conditions: '父母一方为本市户籍。', materials: [m('出生医学证明'), m('父母双方居民身份证'), m('居民户口簿'), m('结婚证', 'COPY', { required: false })] },
  { dept: 'WJW', type: 'ADMINISTRATIVE_LICENSE', name: '医师执业注册', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'CITIZEN', themes: ['医疗卫生'], keywords: ['医师资格', '执业证书'], description: '取得医师资格的，可以向所在地卫生健康主管部门申请注册，取得医师执业证书。', legalBasis: '《中华人民共和国医师法》第十三条', conditions: '取得医师资格，受聘于医疗卫生机构。', materials: [m('医师执业注册申请审核表'), m('医师资格证书', 'COPY'), m('健康体检证明'), m('拟执业机构的聘用证明')] },
  { dept: 'WJW', type: 'ADMINISTRATIVE_CONFIRMATION', name: '出生医学证明补发', kind: 'PROMISED', statutory: 20, promised: 5, audience: 'CITIZEN', lifeEvents: ['生育'], keywords: ['出生证', '补办'], description: '出生医学证明遗失的，申请补发。', legalBasis: '《中华人民共和国母婴保健法》第二十三条；《出生医学证明管理办法》', conditions: '在本市医疗机构出生，原证遗失。', materials: [m('出生医学证明补发申请表'), m('父母双方居民身份证', 'COPY'), m('新生儿住院病历或分娩记录', 'COPY')] },
  { dept: 'WJW', type: 'ADMINISTRATIVE_LICENSE', name: '放射诊疗许可', kind: 'PROMISED', statutory: 20, promised: 15, audience: 'LEGAL_PERSON', themes: ['医疗卫生'], keywords: ['放射', 'X光', 'CT'], description: '医疗机构开展放射诊疗工作，应当取得放射诊疗许可证。', legalBasis: '《放射诊疗管理规定》第十二条', conditions: '具有与开展的放射诊疗工作相适应的场所、设备和专业技术人员，放射防护和质量控制检测合格。', materials: [m('放射诊疗许可申请表'), m('医疗机构执业许可证', 'COPY'), m('放射诊疗建设项目竣工验收合格证明', 'COPY'), m('放射防护检测报告', 'COPY')], expertReview: true },
  { dept: 'JTYS', type: 'ADMINISTRATIVE_LICENSE', name: '网络预约出租汽车经营许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['交通运输'], keywords: ['网约车', '平台'], description: '从事网约车经营的平台公司，申请网络预约出租汽车经营许可。', legalBasis: '《网络预约出租汽车经营服务管理暂行办法》第五条', conditions: '具有企业法人资格，具备开展网约车经营的互联网平台和与拟开展业务相适应的信息数据交互及处理能力。', materials: [m('网络预约出租汽车经营申请表'), license, m('服务所在地办公场所证明', 'COPY'), m('网络安全管理制度', 'COPY')], expertReview: true },
  { dept: 'JTYS', type: 'ADMINISTRATIVE_LICENSE', name: '网络预约出租汽车运输证核发', kind: 'IMMEDIATE', statutory: 10, promised: 0, audience: 'BOTH', themes: ['交通运输'], keywords: ['网约车', '车辆运输证'], description: '拟从事网约车经营的车辆，申请网络预约出租汽车运输证，材料齐全的当场办结。', legalBasis: '《网络预约出租汽车经营服务管理暂行办法》第十二条', conditions: '车辆为7座及以下乘用车，安装具有行驶记录功能的车辆卫星定位装置和应急报警装置。', materials: [m('车辆运输证申请表'), m('机动车行驶证', 'COPY'), m('车辆保险单', 'COPY')] },
  { dept: 'JTYS', type: 'ADMINISTRATIVE_LICENSE', name: '超限运输车辆行驶公路许可', kind: 'JOINT', statutory: 15, promised: 5, audience: 'BOTH', themes: ['交通运输'], keywords: ['大件运输', '超限'], description: '超限运输车辆在公路上行驶的，应当依法办理公路超限运输许可，途经路段的管理部门并联审查。', legalBasis: '《公路安全保护条例》第三十五条；《超限运输车辆行驶公路管理规定》', conditions: '运输的物品为不可解体物品，有行驶路线和护送方案。', materials: [m('超限运输车辆通行申请表'), m('车辆行驶证', 'COPY'), m('货物名称、重量、外廓尺寸说明'), m('护送方案')], co: [{ dept: 'GAJ', days: 3, silence: true }] },
  { dept: 'STHJ', type: 'ADMINISTRATIVE_LICENSE', name: '建设项目环境影响报告书审批', kind: 'PROMISED', statutory: 60, promised: 30, audience: 'LEGAL_PERSON', themes: ['生态环境', '工程建设'], keywords: ['环评', '环境影响评价'], description: '可能造成重大环境影响的建设项目，编制环境影响报告书报生态环境主管部门审批。', legalBasis: '《中华人民共和国环境影响评价法》第二十二条', conditions: '建设项目符合生态环境保护法律法规和相关法定规划。', materials: [m('建设项目环境影响报告书审批申请'), m('环境影响报告书', 'ORIGINAL', { copies: 2 }), m('公众参与说明', 'COPY')], expertReview: true },
  { dept: 'STHJ', type: 'ADMINISTRATIVE_LICENSE', name: '建设项目环境影响报告表审批', kind: 'PROMISED', statutory: 30, promised: 15, audience: 'LEGAL_PERSON', themes: ['生态环境', '工程建设'], keywords: ['环评', '报告表'], description: '可能造成轻度环境影响的建设项目，编制环境影响报告表报审批。', legalBasis: '《中华人民共和国环境影响评价法》第二十二条', conditions: '建设项目符合生态环境保护法律法规和相关法定规划。', materials: [m('建设项目环境影响报告表审批申请'), m('环境影响报告表', 'ORIGINAL', { copies: 2 })], expertReview: true },
  { dept: 'STHJ', type: 'ADMINISTRATIVE_LICENSE', name: '危险废物经营许可', kind: 'PROMISED', statutory: 20, promised: 20, audience: 'LEGAL_PERSON', themes: ['生态环境'], keywords: ['危废', '危险废物'], description: '从事收集、贮存、利用、处置危险废物经营活动的单位，应当取得危险废物经营许可证。', legalBasis: '《中华人民共和国固体废物污染环境防治法》第八十条；《危险废物经营许可证管理办法》', conditions: '有符合条件的专业技术人员、运输工具、包装工具、贮存设施和处置设施。', materials: [m('危险废物经营许可证申请书'), license, m('设施、设备清单', 'COPY'), m('污染防治措施和事故应急救援措施', 'COPY')], expertReview: true },
  { dept: 'RSJ', type: 'ADMINISTRATIVE_PAYMENT', name: '失业保险金申领', kind: 'PROMISED', statutory: 10, promised: 3, audience: 'CITIZEN', lifeEvents: ['失业'], keywords: ['失业金', '失业登记'], description: '失业人员符合条件的，可以申领失业保险金。', legalBasis: '《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十四条', conditions: '失业前用人单位和本人已经缴纳失业保险费满一年，非因本人意愿中断就业，已经进行失业登记并有求职要求。', materials: [m('居民身份证'), m('终止或者解除劳动合同的证明', 'COPY')] },
  { dept: 'RSJ', type: 'ADMINISTRATIVE_CONFIRMATION', name: '职工退休审批', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'BOTH', lifeEvents: ['退休'], keywords: ['退休', '养老金', '办理退休'], description: '参保职工达到法定退休年龄的，由用人单位或本人申请办理退休审批，核定基本养老金。', legalBasis: '《中华人民共和国社会保险法》第十六条；《国务院关于工人退休、退职的暂行办法》', conditions: '达到法定退休年龄，累计缴费满十五年。', materials: [m('职工退休申请表'), m('居民身份证', 'COPY'), m('职工档案', 'ORIGINAL', { deferrable: true })] },
  { dept: 'RSJ', type: 'ADMINISTRATIVE_CONFIRMATION', name: '工伤认定', kind: 'PROMISED', statutory: 60, promised: 30, audience: 'BOTH', keywords: ['工伤', '职业病', '工伤申报'], description: '职工发生事故伤害或者被诊断为职业病的，申请工伤认定。', legalBasis: '《工伤保险条例》第十七条、第二十条', conditions: '在工作时间和工作场所内，因工作原因受到事故伤害等法定情形。', materials: [m('工伤认定申请表'), m('劳动关系证明材料', 'COPY'), m('医疗诊断证明或者职业病诊断证明书', 'COPY')], expertReview: false },
  { dept: 'RSJ', type: 'ADMINISTRATIVE_LICENSE', name: '人力资源服务许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['开办企业', '就业创业'], keywords: ['职业中介', '人力资源服务'], description: '经营性人力资源服务机构从事职业中介活动，应当取得人力资源服务许可证。', legalBasis: '《人力资源市场暂行条例》第十八条', conditions: '有明确的章程和管理制度，有开展业务必备的固定场所、办公设施和专职工作人员。', materials: [m('人力资源服务许可申请书'), license, m('场所使用证明', 'COPY'), m('工作人员资格证明', 'COPY')] },
  { dept: 'MZJ', type: 'ADMINISTRATIVE_CONFIRMATION', name: '社会团体成立登记', kind: 'PROMISED', statutory: 60, promised: 30, audience: 'LEGAL_PERSON', themes: ['社会组织'], keywords: ['社团', '协会', '学会'], description: '成立社会团体，经业务主管单位审查同意后申请成立登记。', legalBasis: '《社会团体登记管理条例》第九条', conditions: '有50个以上的个人会员或者30个以上的单位会员，有规范的名称和相应的组织机构，有合法的资产和经费来源。', materials: [m('社会团体成立登记申请书'), m('业务主管单位的批准文件'), m('章程草案'), m('验资报告', 'COPY')] },
  { dept: 'MZJ', type: 'ADMINISTRATIVE_CONFIRMATION', name: '内地居民离婚登记', kind: 'PROMISED', statutory: 30, promised: 30, audience: 'CITIZEN', lifeEvents: ['离婚'], keywords: ['离婚', '冷静期'], description: '夫妻双方自愿离婚的，应当签订书面离婚协议，亲自到婚姻登记机关申请离婚登记；自收到申请之日起三十日内，任何一方不愿意离婚的，可以撤回申请。', legalBasis: '《中华人民共和国民法典》第一千零七十六条、第一千零七十七条', conditions: '双方自愿离婚，对子女抚养、财产以及债务处理等事项协商一致。', materials: [m('居民身份证'), m('结婚证'), m('离婚协议书', 'ORIGINAL', { copies: 3 })], visits: 2 },
  { dept: 'MZJ', type: 'ADMINISTRATIVE_PAYMENT', name: '最低生活保障审批', kind: 'PROMISED', statutory: 30, promised: 20, audience: 'CITIZEN', keywords: ['低保', '社会救助'], description: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合财产状况规定的，给予最低生活保障。', legalBasis: '《社会救助暂行办法》第九条、第十一条', conditions: '持有本市户籍，家庭人均收入低于本市最低生活保障标准，家庭财产符合规定。', materials: [m('最低生活保障申请书'), id, m('居民户口簿', 'COPY'), m('家庭经济状况核对授权书')] },
  { dept: 'MZJ', type: 'ADMINISTRATIVE_PAYMENT', name: '高龄津贴申领', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'CITIZEN', lifeEvents: ['退休', '养老'], keywords: ['高龄补贴', '老年人'], description: '本市户籍80周岁以上老年人，可申领高龄津贴。', legalBasis: '《中华人民共和国老年人权益保障法》第三十三条', conditions: '本市户籍，年满80周岁。', materials: [id, m('银行账户信息', 'COPY')] },
  { dept: 'FGW', type: 'ADMINISTRATIVE_LICENSE', name: '企业投资项目核准', kind: 'PROMISED', statutory: 20, promised: 15, audience: 'LEGAL_PERSON', themes: ['工程建设'], keywords: ['项目核准', '投资'], description: '列入政府核准的投资项目目录的企业投资项目，向核准机关提交项目申请书。', legalBasis: '《企业投资项目核准和备案管理条例》第六条', conditions: '项目符合国家产业政策和发展规划，已取得规划选址和用地预审意见。', materials: [m('项目申请书'), m('城乡规划主管部门出具的选址意见书', 'COPY'), m('国土资源主管部门出具的用地预审意见', 'COPY')], expertReview: true },
  { dept: 'FGW', type: 'ADMINISTRATIVE_CONFIRMATION', name: '固定资产投资项目节能审查', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['工程建设', '生态环境'], keywords: ['节能评估', '能评'], description: '年综合能源消费量达到规定标准的固定资产投资项目，开工建设前进行节能审查。', legalBasis: '《固定资产投资项目节能审查办法》第五条', conditions: '项目用能符合节能法律法规和强制性节能标准。', materials: [m('节能审查申请'), m('节能报告', 'ORIGINAL', { copies: 2 })], expertReview: true },
  { dept: 'YJGL', type: 'ADMINISTRATIVE_LICENSE', name: '烟花爆竹经营（零售）许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'BOTH', themes: ['安全生产'], keywords: ['烟花爆竹', '零售点'], description: '从事烟花爆竹零售的经营者，应当取得烟花爆竹经营（零售）许可证。', legalBasis: '《烟花爆竹安全管理条例》第十八条', conditions: '主要负责人经过安全知识教育，零售场所符合安全要求，有自然通风条件和消防设施。', materials: [m('烟花爆竹经营（零售）许可证申请书'), m('零售场所平面布置图', 'COPY'), m('主要负责人安全培训合格证明', 'COPY')] },
  { dept: 'YJGL', type: 'ADMINISTRATIVE_LICENSE', name: '非煤矿山安全生产许可', kind: 'PROMISED', statutory: 45, promised: 30, audience: 'LEGAL_PERSON', themes: ['安全生产'], keywords: ['矿山', '安全生产许可证'], description: '非煤矿矿山企业应当依照规定取得安全生产许可证。', legalBasis: '《安全生产许可证条例》第二条；《非煤矿矿山企业安全生产许可证实施办法》', conditions: '建立健全安全生产责任制，设置安全生产管理机构，依法参加工伤保险，有重大危险源检测、评估、监控措施和应急预案。', materials: [m('安全生产许可证申请书'), license, m('安全评价报告', 'COPY'), m('安全生产责任制和管理制度', 'COPY')], expertReview: true },
  { dept: 'CGJ', type: 'ADMINISTRATIVE_LICENSE', name: '设置大型户外广告许可', kind: 'PROMISED', statutory: 20, promised: 7, audience: 'BOTH', themes: ['开办企业'], keywords: ['户外广告', '招牌', '广告牌'], description: '设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品的，应当经城市管理部门批准。', legalBasis: '《城市市容和环境卫生管理条例》第十一条', conditions: '设置地点和形式符合户外广告设置规划，结构安全。', materials: [m('户外广告设置申请表'), m('设计效果图', 'COPY'), m('场地使用权证明', 'COPY')] },
  { dept: 'CGJ', type: 'ADMINISTRATIVE_LICENSE', name: '城市建筑垃圾处置核准', kind: 'PROMISED', statutory: 20, promised: 5, audience: 'LEGAL_PERSON', themes: ['工程建设'], keywords: ['渣土', '建筑垃圾', '消纳'], description: '处置建筑垃圾的单位，应当向城市管理部门申请核准，取得城市建筑垃圾处置核准。', legalBasis: '《城市建筑垃圾管理规定》第七条', conditions: '有建筑垃圾分类处置方案和消纳场地，运输车辆具备全密闭运输机械装置。', materials: [m('建筑垃圾处置核准申请表'), m('建筑垃圾处置方案'), m('运输合同和消纳合同', 'COPY')] },
  { dept: 'WGLJ', type: 'ADMINISTRATIVE_LICENSE', name: '娱乐场所经营许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['开办企业', '文化旅游'], keywords: ['KTV', '歌舞厅', '游艺场所'], description: '设立娱乐场所，应当向所在地县级文化主管部门提出申请，取得娱乐经营许可证。', legalBasis: '《娱乐场所管理条例》第九条', conditions: '场所符合娱乐场所设置要求，消防、环保符合规定。', materials: [m('娱乐经营许可申请书'), license, m('营业场所产权或者使用权证明', 'COPY'), m('场所平面图', 'COPY')], visits: 1 },
  { dept: 'WGLJ', type: 'ADMINISTRATIVE_LICENSE', name: '旅行社设立许可', kind: 'PROMISED', statutory: 20, promised: 10, audience: 'LEGAL_PERSON', themes: ['开办企业', '文化旅游'], keywords: ['旅行社', '旅游业务经营许可证'], description: '申请经营国内旅游业务和入境旅游业务的，应当取得旅游业务经营许可证。', legalBasis: '《中华人民共和国旅游法》第二十八条；《旅行社条例》第六条', conditions: '有固定的经营场所、必要的营业设施，有符合规定的导游和领队，已交存质量保证金。', materials: [m('旅行社设立申请书'), license, m('经营场所证明', 'COPY'), m('质量保证金存款协议', 'COPY')] },
  { dept: 'WGLJ', type: 'ADMINISTRATIVE_LICENSE', name: '高危险性体育项目经营许可', kind: 'PROMISED', statutory: 30, promised: 15, audience: 'LEGAL_PERSON', themes: ['文化旅游'], keywords: ['游泳馆', '攀岩', '滑雪', '潜水'], description: '经营游泳、滑雪、潜水、攀岩等高危险性体育项目，应当取得许可。', legalBasis: '《全民健身条例》第三十二条；《经营高危险性体育项目许可管理办法》', conditions: '相关体育设施符合国家标准，有达到规定数量的取得国家职业资格证书的社会体育指导人员和救助人员。', materials: [m('经营高危险性体育项目申请书'), license, m('体育设施符合国家标准的说明', 'COPY'), m('社会体育指导人员、救助人员职业资格证明', 'COPY')], visits: 1 },
  { dept: 'ZRZY', type: 'ADMINISTRATIVE_LICENSE', name: '农用地转用审批（报省政府）', kind: 'REPORT_UP', statutory: 20, promised: 15, audience: 'LEGAL_PERSON', themes: ['工程建设'], keywords: ['土地征收', '建设用地报批', '农转用'], description: '建设占用农用地的，市级受理、初审后报省人民政府批准；本中心办理受理、初审和上报，批复下达后送达申请人。', legalBasis: '《中华人民共和国土地管理法》第四十四条；《中华人民共和国土地管理法实施条例》第二十四条', conditions: '符合国土空间规划和土地利用年度计划，已落实耕地占补平衡。', materials: [m('建设用地申请表'), m('建设项目批准、核准或备案文件', 'COPY'), m('建设项目用地预审与选址意见书', 'COPY'), m('耕地占补平衡落实情况说明')], expertReview: true },
  { dept: 'WJW', type: 'ADMINISTRATIVE_LICENSE', name: '三级医院设置审批（报省卫生健康委）', kind: 'REPORT_UP', statutory: 30, promised: 20, audience: 'LEGAL_PERSON', themes: ['医疗卫生'], keywords: ['医院设置', '三级医院'], description: '设置三级医院的，市卫生健康委受理并出具初审意见后报省卫生健康委审批。', legalBasis: '《医疗机构管理条例》第九条、第十条', conditions: '符合医疗机构设置规划和医疗机构基本标准。', materials: [m('设置医疗机构申请书'), m('设置可行性研究报告'), m('选址报告和建筑设计平面图', 'COPY')], expertReview: true },
];

/** Loads fee items and published matters (version 1 each) into the demo database. */
export async function seedDemoCatalog(mgr: EntityManager, now: Date, adminId: string | null): Promise<number> {
  for (const f of FEES) {
    await mgr.insert(FeeItemEntity, { unitPriceFen: null, unitName: null, amountFen: null, minFen: null, maxFen: null, ...f, active: true, createdAt: now, updatedAt: now });
  }
  const depts = new Map((await mgr.find(DepartmentEntity)).map((d) => [d.code, d]));
  const mainByType = new Map<string, number>();
  for (const s of MATTERS) {
    const dept = depts.get(s.dept)!;
    const main = (mainByType.get(s.type) ?? 0) + 1;
    mainByType.set(s.type, main);
    const code = matterCode(s.type, main, 1);
    const co: CoDepartmentSpec[] = (s.co ?? []).map((c) => ({ departmentId: depts.get(c.dept)!.id, subtaskLimit: { value: c.days, unit: 'WORKING_DAY' }, silenceIsConsent: c.silence }));
    const content: MatterContent = {
      name: s.name,
      matterType: s.type,
      departmentId: dept.id,
      windowId: null,
      audience: s.audience,
      themes: s.themes ?? [],
      lifeEvents: s.lifeEvents ?? [],
      keywords: s.keywords,
      description: s.description,
      legalBasis: s.legalBasis,
      acceptanceConditions: s.conditions,
      materials: s.materials,
      procedure: s.kind === 'IMMEDIATE' ? ['申请', '受理并当场办结', '领取结果'] : ['申请', '受理', '审查', '决定', '送达'],
      statutoryLimit: { value: s.statutory, unit: 'WORKING_DAY' },
      promisedLimit: { value: s.promised, unit: 'WORKING_DAY' },
      handlingKind: s.kind,
      coDepartments: co,
      feeItemCodes: s.fees ?? [],
      visitsOnSite: s.visits ?? (s.kind === 'IMMEDIATE' ? 1 : 0),
      specialProcedures: s.expertReview ? [{ kind: 'EXPERT_REVIEW', countsTowardLimit: false, description: '需组织专家评审的，评审时间不计入办理时限，并书面告知申请人所需时间。' }] : [],
      onlineAvailable: s.kind !== 'IMMEDIATE',
      contactPhone: PHONE,
      complaintPhone: '12345',
    };
    const matter = await mgr.save(mgr.create(MatterEntity, { code, basicCode: code.slice(0, 7), departmentId: dept.id, createdAt: now, updatedAt: now }));
    await mgr.insert(MatterVersionEntity, { matterId: matter.id, versionNo: 1, status: 'PUBLISHED', content, publishedAt: now, publishedBy: adminId, endedAt: null, createdBy: adminId, createdAt: now, updatedAt: now, version: 1 });
  }
  await mgr.query('UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1');
  return MATTERS.length;
}
