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
