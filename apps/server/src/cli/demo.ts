import { parseArgs } from 'node:util';
import { and, eq, like } from 'drizzle-orm';
import { companies } from '../modules/customers/schema.js';
import { agents } from '../modules/org/schema.js';
import { vendors } from '../modules/vendors/schema.js';
import { loadActor } from '../platform/auth/actor.js';
import { createApiToken, deleteApiToken } from '../platform/auth/service.js';
import { loadConfig } from '../platform/config.js';
import { startServer } from '../server.js';

/**
 * `npm run demo`: loads realistic demo data (agents, groups, Chinese companies and contacts with
 * service periods, tickets with replies, notes and service records) into a vendor through the
 * public API, so everything is validated and lands in the timeline like real work. Runs once per vendor.
 */
const USAGE = '用法 Usage: npm run demo -- [--login-key <服务商标识>]';

const CITIES = [
  ['北京', '北京'],
  ['上海', '上海'],
  ['广东', '广州'],
  ['广东', '深圳'],
  ['浙江', '杭州'],
  ['江苏', '南京'],
  ['四川', '成都'],
  ['湖北', '武汉'],
  ['山东', '济南'],
  ['陕西', '西安'],
] as const;
const TRADES = ['商贸', '科技', '食品', '机械', '建材', '医药', '物流', '服饰', '电子', '餐饮'];
const WORDS = [
  '恒信',
  '华泰',
  '金源',
  '瑞丰',
  '宏达',
  '鑫盛',
  '永安',
  '嘉禾',
  '天诚',
  '博远',
  '汇通',
  '安泰',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const ROLES = ['会计', '出纳', '财务经理', '仓管', '老板', 'IT'];
const PACKAGES = ['在线服务包', '标准服务包', 'VIP服务包', '增值服务包'];
const PROBLEMS = [
  ['用友T+ 登录提示“服务已到期”', '客户续费后仍提示到期，需重新注册加密狗。'],
  ['金蝶KIS 凭证无法过账', '期末结账前过账报错“科目余额不平”。'],
  ['管家婆 进销存 库存数量为负', '销售出库后库存出现负数，需检查负库存设置。'],
  ['打印发票格式错位', '更换打印机后增值税发票打印位置偏移。'],
  ['年结后报表取数为空', '新年度资产负债表取不到期初数。'],
  ['数据库备份失败', '自动备份任务报磁盘空间不足。'],
  ['新增操作员权限设置', '客户新来出纳，需要开通出纳模块权限。'],
  ['银行对账单导入失败', '工行对账单格式更新后导入报错。'],
  ['远程协助安装加密狗驱动', '新电脑需要安装加密狗驱动并注册。'],
  ['工资条邮件发送乱码', '工资条邮件主题显示乱码。'],
  ['固定资产折旧计算不对', '本月折旧额与手工计算相差较大。'],
  ['客户端连接服务器超时', '分公司客户端连接总部服务器超时。'],
];
const REPLIES = [
  '您好，已收到您的问题，我们正在处理，请稍候。',
  '已远程检查，原因已找到，稍后为您处理。',
  '问题已处理完毕，请您再试一下，如有问题随时联系我们。',
];
const NOTES = ['客户比较着急，优先处理。', '需要二线技术支持协助。', '已与客户约定明天上午上门。'];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function main() {
  const { values } = parseArgs({ options: { 'login-key': { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = { ...loadConfig(), jobs: false };
  const running = await startServer(config, { listen: false, logger: false });
  const { db } = running.deps;
  try {
    const [vendor] = values['login-key']
      ? await db.select().from(vendors).where(eq(vendors.loginKey, values['login-key']))
      : await db.select().from(vendors).orderBy(vendors.id).limit(1);
    if (!vendor) {
      console.error(`找不到服务商 / no such vendor. ${USAGE}`);
      return 2;
    }
    const loaded = await db
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.vendorId, vendor.id), like(companies.externalId, 'demo-%')))
      .limit(1);
    if (loaded.length) {
      console.log(`服务商「${vendor.name}」已有演示数据，未重复加载 / demo data already loaded.`);
      return 0;
    }
    const [admin] = await db
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.vendorId, vendor.id), eq(agents.account, 'admin')));
    if (!admin) throw new Error('the vendor has no admin account');
    const actor = await loadActor(db, vendor.id, admin.id, 'token');
    if (!actor) throw new Error('cannot load the admin');
    const token = await createApiToken(db, actor, '演示数据');
    const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
      const res = await running.app.inject({
        method,
        url,
        payload: payload as object,
        headers: { authorization: `Bearer ${token.token}` },
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
      return res.json();
    };
    try {
      await load(api);
    } finally {
      await deleteApiToken(db, actor, token.id);
    }
    console.log(
      `已为服务商「${vendor.name}」加载演示数据。客服账号 zhangwei / lina / wangfang / liuyang，密码 demo-1234`,
    );
    return 0;
  } finally {
    await running.close();
  }
}

type Api = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
) => Promise<Record<string, unknown>>;

async function load(api: Api) {
  const support = await api('POST', '/api/v1/groups', { name: '技术支持组' });
  const vip = await api('POST', '/api/v1/groups', { name: 'VIP服务组' });
  const people = [
    ['zhangwei', '张伟', support.id],
    ['lina', '李娜', support.id],
    ['wangfang', '王芳', vip.id],
    ['liuyang', '刘洋', vip.id],
  ] as const;
  const agentIds: number[] = [];
  for (const [account, name, groupId] of people) {
    const a = await api('POST', '/api/v1/agents', {
      account,
      name,
      password: 'demo-1234',
      grants: ['chat', 'ticket', 'call'],
      groupIds: [groupId],
    });
    agentIds.push(a.id as number);
  }
  const contactsByCompany: { companyId: number; contactId: number }[] = [];
  for (let i = 0; i < 30; i++) {
    const [province, city] = pick(CITIES, i);
    const end = addDays([-40, -3, 12, 25, 120, 200, 300, 365][i % 8] as number);
    const company = await api('POST', '/api/v1/companies', {
      name: `${city}${pick(WORDS, i)}${pick(TRADES, i * 7)}有限公司`,
      province,
      city,
      address: `${city}市高新区${100 + i}号`,
      package: pick(PACKAGES, i),
      serviceStart: addDays(-365 + ((i * 11) % 60)),
      serviceEnd: end,
      serviceCode: String(100000 + i * 37),
      ownerAgentId: pick(agentIds, i),
      tags: i % 3 === 0 ? ['用友T+'] : i % 3 === 1 ? ['金蝶KIS'] : ['管家婆'],
      source: '演示数据',
      externalId: `demo-${i + 1}`,
      contacts: [
        {
          name: `${pick(SURNAMES, i)}${pick(ROLES, i)}`,
          mobile: `139${String(10_000_000 + i * 7919).slice(0, 8)}`,
          position: pick(ROLES, i),
        },
        {
          name: `${pick(SURNAMES, i + 3)}${pick(ROLES, i + 2)}`,
          mobile: `137${String(20_000_000 + i * 6007).slice(0, 8)}`,
          position: pick(ROLES, i + 2),
        },
      ],
    });
    const primary = company.primaryContact as { id: number };
    contactsByCompany.push({ companyId: company.id as number, contactId: primary.id });
  }
  const statuses = ['new', 'open', 'pending', 'solved', 'open', 'closed'] as const;
  for (let i = 0; i < 60; i++) {
    const customer = pick(contactsByCompany, i * 5);
    // Offset by the agent round so each agent gets a spread of problems.
    const [subject, description] = pick(PROBLEMS, i + Math.floor(i / 4));
    const ticket = await api('POST', '/api/v1/tickets', {
      subject,
      description: `<p>${description}</p>`,
      contactId: customer.contactId,
      priority: pick(['normal', 'normal', 'high', 'low', 'urgent'], i),
      type: pick(['question', 'incident', 'problem', 'task'], i),
      tags: [pick(['安装', '报错', '培训', '数据'], i)],
      source: pick(['phone', 'chat', 'remote', 'wechat', 'email'], i),
    });
    const id = ticket.id as number;
    const status = pick(statuses, i);
    if (status === 'new') continue;
    await api('PATCH', `/api/v1/tickets/${id}`, {
      assigneeId: pick(agentIds, i),
      groupId: i % 2 ? support.id : vip.id,
    });
    await api('POST', `/api/v1/tickets/${id}/records`, {
      channel: pick(['call', 'chat', 'remote', 'visit'], i),
      summary: `${pick(REPLIES, i)}（${subject}）`,
    });
    await api('POST', `/api/v1/tickets/${id}/comments`, { body: pick(REPLIES, i), public: true });
    if (i % 4 === 0)
      await api('POST', `/api/v1/tickets/${id}/comments`, { body: pick(NOTES, i), public: false });
    if (status !== 'open') await api('PATCH', `/api/v1/tickets/${id}`, { status });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
