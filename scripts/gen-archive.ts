// Synthetic Jekyll news archives in the finews format, for the demo, tests and benchmarks:
//   npm run gen -- <count> <dir> [--seed 1] [--start 2021-12-01] [--old-post 0.5] [--both 10]
// Deterministic (same arguments, same bytes), with a Zipf-like category size distribution (about
// 2,000 categories at 100,000 posts), Chinese text of 300–3,000 characters built from the word list
// below (written for this project), and the real archive's markup, source links, footers and quirks.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'

/** mulberry32: tiny, fast, good enough for test data, and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES =
  'zhong guo gong ye bao cai jing xin wen shi chang jin rong zheng quan tou zi yin hang ji jin hua dong nan bei xi shang hai shen zhen guang zhou tian jin chong qing kuai xun ri bao wang ke ji nong ye neng yuan qi che fang di chan'.split(
    ' ',
  )
const NAME_HEADS =
  '中国 华东 华南 西部 北方 东方 南方 沿海 中原 江淮 海峡 长江 珠江 京津 湾区 高原 滨海 环球 数字 绿色 先锋 晨报 金融 财经 证券 产业 能源 科技 农业 汽车 地产 商业'.split(
    ' ',
  )
const NAME_TAILS = '新闻 快讯 日报 财经 观察 时报 要闻 资讯 晚报 周刊 在线 评论'.split(' ')
const WORDS = (
  '市场 经济 增长 企业 投资 政策 发展 银行 利率 指数 行业 项目 资金 产能 需求 供给 价格 消费 出口 进口 ' +
  '季度 同比 环比 上涨 下跌 回落 企稳 预期 数据 报告 机构 分析师 认为 表示 指出 据悉 目前 今年 去年 ' +
  '数字化 转型 升级 创新 研发 制造 服务 平台 园区 基地 试点 示范 标准 规划 方案 措施 推动 加快 提升 ' +
  '稳定 优化 改革 开放 合作 协同 绿色 低碳 能源 电力 新能源 储能 光伏 风电 汽车 芯片 软件 通信 网络 ' +
  '地方 政府 部门 会议 部署 落实 完善 支持 引导 鼓励 保障 风险 监管 合规 融资 债券 股票 基金 保险 ' +
  '营收 利润 成本 订单 产量 销量 库存 物流 港口 航运 农业 粮食 种植 养殖 工业 制造业 服务业 零售 ' +
  '城市 乡村 区域 全国 全省 全市 企业家 员工 客户 用户 产品 技术 设备 工厂 车间 生产线 效率 质量'
).split(' ')
const SOURCES = '本报 新华社 央视 证券日报 经济观察 财经网 中国网 界面 财联社'.split(' ')

export type GenOptions = {
  count: number
  dir: string
  seed?: number
  start?: string
  /** The share of posts, oldest first, written to old_post/ instead of _posts/ (as the archive moves them). */
  oldShare?: number
  /** How many of the old_post/ posts are also in _posts/ (the same id in both folders). */
  both?: number
}

export function categoryCount(posts: number): number {
  return Math.max(1, Math.round(2000 * Math.pow(Math.min(posts, 100_000) / 100_000, 0.88)))
}

type Category = { slug: string; name: string; pageTitle: string }

function makeCategories(n: number, r: () => number): Category[] {
  const out: Category[] = []
  const slugs = new Set<string>()
  const names = new Set<string>()
  for (let i = 0; out.length < n; i++) {
    const syll = 2 + Math.floor(r() * 3)
    let slug = ''
    for (let s = 0; s < syll; s++) slug += pick(SYLLABLES, r)
    if (i >= 5000) slug += String(i)
    if (slugs.has(slug)) continue
    let name = pick(NAME_HEADS, r) + pick(NAME_TAILS, r)
    if (names.has(name)) name = `${name}${out.length + 1}`
    slugs.add(slug)
    names.add(name)
    // Like the real archive, a few category pages disagree with the posts' tag.
    const pageTitle = r() < 0.1 ? `${pick(NAME_HEADS, r)}网` : name
    out.push({ slug, name, pageTitle })
  }
  return out
}

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)] as T
}

function sentence(r: () => number): string {
  const n = 6 + Math.floor(r() * 14)
  let s = ''
  for (let i = 0; i < n; i++) {
    s += pick(WORDS, r)
    if (i > 2 && i < n - 1 && r() < 0.12) s += '，'
    else if (r() < 0.05) s += `${Math.floor(r() * 1000) / 10}%`
  }
  return `${s}。`
}

/** A text of about `chars` characters, as paragraphs. */
function paragraphs(chars: number, r: () => number): string[] {
  const out: string[] = []
  let total = 0
  while (total < chars) {
    let p = ''
    const sentences = 2 + Math.floor(r() * 4)
    for (let i = 0; i < sentences; i++) p += sentence(r)
    out.push(p)
    total += p.length
  }
  return out
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

function beijing(epochMs: number) {
  const d = new Date(epochMs + 8 * 3600_000)
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return { day, time, compact: day.replace(/-/g, '') }
}

function post(i: number, epochMs: number, cat: Category, r: () => number) {
  const { day, time, compact } = beijing(epochMs)
  const id = `${compact}${2200000000 + i}`
  const chars = Math.round(300 * Math.pow(10, r()))
  const paras = paragraphs(chars, r)
  const title = (paras[0] ?? '').slice(0, 8 + Math.floor(r() * 16)).replace(/[，。]$/, '')
  const source = pick(SOURCES, r)
  const quirk = r()
  const lines: string[] = []
  if (r() < 0.4) lines.push(`> ${paras.shift() ?? ''}（${source}）`, '')
  const html = paras.map((p, k) => {
    let text = p
    if (k === 0 && r() < 0.3) text = `<strong>${text.slice(0, 12)}</strong>${text.slice(12)}`
    if (quirk > 0.99 && k === 0) text = `${text}占比<1%。`
    return `<p>${text} </p>`
  })
  if (r() < 0.08)
    html.splice(
      1,
      0,
      `<center><img src="https://img.example.com/news/${id}.jpg" alt="${title}"></center>`,
    )
  html.push(`<p class="em_media">（文章来源：${source}）</p>`)
  lines.push(html.join(' '), '')
  lines.push(
    quirk > 0.985 && quirk <= 0.99 ? '<>' : `<http://finews.example.com/news/${id}.html>`,
    '',
  )
  lines.push(
    `[返回${cat.name}](//finews.example.com/category/${cat.slug}.html)｜[返回首页](//finews.example.com/)`,
  )
  const front = [
    '---',
    'layout: post',
    `title: ${JSON.stringify(quirk < 0.01 ? '' : title)}`,
    `date: ${day} ${time}${quirk >= 0.01 && quirk < 0.04 ? '' : ' +0800'}`,
    `categories: ${cat.slug}`,
    `tags: ${cat.name}`,
    '---',
    '',
  ]
  let text = [...front, ...lines].join('\n')
  if (r() < 0.3) text += '\n'
  if (quirk >= 0.04 && quirk < 0.06) text = text.replace(/\n/g, '\r\n')
  return { name: `${day}-${id}.md`, text }
}

/** Writes `<dir>/_config.yml`, `<dir>/category/*.html`, `<dir>/_posts/*.md` (and `old_post/`). */
export function generateArchive(options: GenOptions): { posts: number; categories: number } {
  const r = rng(options.seed ?? 1)
  const cats = makeCategories(categoryCount(options.count), r)
  // Zipf-like: category k is chosen with weight 1/k^1.1.
  const cumulative: number[] = []
  let sum = 0
  for (let k = 0; k < cats.length; k++) cumulative.push((sum += 1 / Math.pow(k + 1, 1.1)))
  const choose = () => {
    const x = r() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] as number) < x) lo = mid + 1
      else hi = mid
    }
    return cats[lo] as Category
  }
  const postsDir = path.join(options.dir, '_posts')
  const oldDir = path.join(options.dir, 'old_post')
  const old = Math.floor(options.count * (options.oldShare ?? 0))
  // Every k-th old post is in both folders, `both` of them in all.
  const every = Math.max(1, Math.floor(old / Math.max(1, options.both ?? 0)))
  fs.mkdirSync(postsDir, { recursive: true })
  if (old > 0) fs.mkdirSync(oldDir, { recursive: true })
  fs.mkdirSync(path.join(options.dir, 'category'), { recursive: true })
  fs.writeFileSync(
    path.join(options.dir, '_config.yml'),
    'title: 财经新闻存档（演示）\ntimezone: Asia/Shanghai\npermalink: /:categories/:year/:month/:day/:title.html\n',
  )
  const used = new Set<string>()
  let t = Date.parse(`${options.start ?? '2021-12-01'}T00:00:00+08:00`)
  for (let i = 0; i < options.count; i++) {
    t += Math.floor(r() * 600_000)
    const cat = choose()
    used.add(cat.slug)
    const { name, text } = post(i, t, cat, r)
    const inOld = i < old
    fs.writeFileSync(path.join(inOld ? oldDir : postsDir, name), text)
    if (inOld && i % every === 0 && i / every < (options.both ?? 0))
      fs.writeFileSync(path.join(postsDir, name), text)
  }
  for (const cat of cats) {
    if (!used.has(cat.slug)) continue
    fs.writeFileSync(
      path.join(options.dir, 'category', `${cat.slug}.html`),
      `---\nlayout: category\ntitle: ${cat.pageTitle}\ncategory: ${cat.slug}\n---\n`,
    )
  }
  return { posts: options.count, categories: used.size }
}

function cli(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string', default: '1' },
      start: { type: 'string' },
      'old-post': { type: 'string', default: '0' },
      both: { type: 'string', default: '0' },
    },
  })
  const [countText, dir] = positionals
  const count = Number(countText)
  if (!dir || !Number.isInteger(count) || count < 0) {
    console.error(
      'usage: npm run gen -- <count> <dir> [--seed N] [--start YYYY-MM-DD] [--old-post SHARE] [--both N]',
    )
    return 2
  }
  const result = generateArchive({
    count,
    dir,
    seed: Number(values.seed),
    oldShare: Number(values['old-post']),
    both: Number(values.both),
    ...(values.start !== undefined && { start: values.start }),
  })
  console.log(`generated ${result.posts} posts in ${result.categories} categories under ${dir}`)
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = cli()
