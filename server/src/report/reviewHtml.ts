// The reviewer's report as one self-contained HTML page (inline CSS and script, nothing fetched): per plan its
// findings by severity, the matrix of every source task against the plans, and the load of each lead unit.
import { Severity } from '../core/findings';
import { namesNoUnit } from '../core/responsibility';
import { formatReference } from '../core/taskIndex';
import { Task } from '../core/types';
import { CoverageState, coverageState, ReviewFinding, ReviewPlan, ReviewReport } from './reportModel';

export interface ReportOptions {
  /** When the report was made, as shown in its header (left out when not given, so output can be compared). */
  generatedAt?: string;
}

/** A moment as the report's header writes it: 2026-12-06 08:00:00 UTC. */
export function reportTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

const SEVERITIES: { severity: Severity; label: string }[] = [
  { severity: 'error', label: '错误' },
  { severity: 'warning', label: '警告' },
  { severity: 'information', label: '提示' },
  { severity: 'hint', label: '建议' },
];

const STATE_MARK: Record<CoverageState, { mark: string; label: string }> = {
  cited: { mark: '✓', label: '已引用' },
  restated: { mark: '≈', label: '已复述（未写编号）' },
  missing: { mark: '✗', label: '未覆盖' },
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const basename = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** `第8行`, a Word plan's paragraph `¶12` or an Excel plan's sheet and row `分工表!5` (as check's text output places them). */
export function placeOf(f: { line: number; paragraph?: number; row?: string }): string {
  return f.row !== undefined ? f.row : f.paragraph !== undefined ? `¶${f.paragraph}` : `第${f.line + 1}行`;
}

export interface LeadLoad {
  lead: string;
  items: number;
  tasks: number;
  partnerItems: number;
  plans: { file: string; items: number }[];
}

/** Per unit: the task items and distinct tasks it leads, the items it supports, and in which plans it leads. */
export function leadLoads(plans: ReviewPlan[]): { loads: LeadLoad[]; unowned: number } {
  const byLead = new Map<string, { items: number; tasks: Set<string>; partnerItems: number; plans: Map<string, number> }>();
  const entry = (unit: string) => {
    let e = byLead.get(unit);
    if (!e) byLead.set(unit, (e = { items: 0, tasks: new Set(), partnerItems: 0, plans: new Map() }));
    return e;
  };
  let unowned = 0;
  for (const plan of plans) {
    for (const item of plan.items) {
      for (const partner of item.partners) entry(partner).partnerItems++;
      // each unit named as lead (牵头单位：区发展改革局、区市场监管局) leads the item; 各有关部门 is no one
      const leads = item.lead ? [item.lead, ...item.coLeads].filter((u) => !namesNoUnit(u)) : [];
      // an item of the body whose task the plan's 分工表 leads: the table's row counts for the unit, and it is not unowned
      if (!leads.length && item.fromTable?.leads) continue;
      if (!leads.length) {
        unowned++;
        continue;
      }
      for (const lead of leads) {
        const e = entry(lead);
        e.items++;
        for (const t of [...item.cited, ...item.restated]) e.tasks.add(t.id);
        e.plans.set(plan.file, (e.plans.get(plan.file) ?? 0) + 1);
      }
    }
  }
  const loads = [...byLead.entries()].map(([lead, e]) => ({
    lead, items: e.items, tasks: e.tasks.size, partnerItems: e.partnerItems, plans: [...e.plans.entries()].map(([file, items]) => ({ file, items })),
  }));
  loads.sort((a, b) => b.items - a.items || b.tasks - a.tasks || b.partnerItems - a.partnerItems || a.lead.localeCompare(b.lead, 'zh'));
  return { loads, unowned };
}

interface MatrixRow {
  task: Task;
  group: string;
  states: CoverageState[];
  covering: number;
}

function matrixRows(report: ReviewReport): { rows: MatrixRow[]; groups: { key: string; label: string; total: number }[] } {
  const rows: MatrixRow[] = [];
  const groups: { key: string; label: string; total: number }[] = [];
  for (const source of report.sources) {
    for (const table of source.tables) {
      const key = `${source.prefix}表${table.number}`;
      groups.push({ key, label: `${key}　${table.title}`, total: table.tasks.length });
      for (const task of table.tasks) {
        const states = report.plans.map((p) => coverageState(p, task));
        rows.push({ task, group: key, states, covering: states.filter((s) => s !== 'missing').length });
      }
    }
  }
  return { rows, groups };
}

export function renderReviewHtml(report: ReviewReport, options: ReportOptions = {}): string {
  const { rows, groups } = matrixRows(report);
  const uncovered = rows.filter((r) => r.covering === 0);
  const count = (s: Severity) => report.plans.reduce((n, p) => n + p.findings.filter((f) => f.severity === s).length, 0);
  const sources = report.sources.map((s) => `《${escapeHtml(s.title)}》${s.docNumber ? `（${escapeHtml(s.docNumber)}）` : ''}`).join('、');
  const cards: [string, string, number][] = [
    ['count-plans', '方案', report.plans.length],
    ['count-tasks', '试点任务', rows.length],
    ['count-covered', '已有方案覆盖', rows.length - uncovered.length],
    ['count-uncovered', '无方案覆盖', uncovered.length],
    ['count-errors', '错误', count('error')],
    ['count-warnings', '警告', count('warning')],
    ['count-information', '提示', count('information') + count('hint')],
  ];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Policy Lens">
<title>实施方案审查报告</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>实施方案审查报告</h1>
<p class="sources">对照文件：${sources}</p>
${options.generatedAt ? `<p class="generated">生成时间：${escapeHtml(options.generatedAt)}</p>` : ''}
<ul class="cards">
${cards.map(([id, label, n]) => `<li class="card ${id}"><span class="n" id="${id}">${n}</span><span class="label">${label}</span></li>`).join('\n')}
</ul>
<nav><a href="#plans">一、各方案检查结果</a><a href="#matrix">二、任务覆盖矩阵</a><a href="#leads">三、牵头单位任务量</a></nav>
</header>
<main>
<section id="plans">
<h2>一、各方案检查结果</h2>
${report.plans.length ? report.plans.map(renderPlan).join('\n') : '<p class="empty">没有读入方案。</p>'}
</section>
${renderMatrix(report, rows, groups, uncovered)}
${renderLeads(report.plans)}
</main>
<footer>由 Policy Lens 生成。本页自成一体，不引用任何外部资源，可离线打开。</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function renderPlan(plan: ReviewPlan, i: number): string {
  const cited = Object.values(plan.coverage).filter((s) => s === 'cited').length;
  const restated = Object.values(plan.coverage).filter((s) => s === 'restated').length;
  const sections = SEVERITIES.map(({ severity, label }) => {
    const list = plan.findings.filter((f) => f.severity === severity);
    if (!list.length) return '';
    return `<h4 class="severity ${severity}">${label}（${list.length}）</h4>
<table class="findings ${severity}">
<thead><tr><th>位置</th><th>检查项</th><th>问题</th><th>所涉任务原文</th></tr></thead>
<tbody>
${list.map(renderFinding).join('\n')}
</tbody>
</table>`;
  }).join('\n');
  return `<article class="plan" id="plan-${i + 1}" data-file="${escapeHtml(plan.file)}">
<h3><span class="plan-no">方案${i + 1}</span>${escapeHtml(plan.title)}</h3>
<p class="plan-meta"><code>${escapeHtml(plan.file)}</code>${plan.annex ? ` · 对照分工表 <code class="plan-annex">${escapeHtml(plan.annex)}</code>` : ''}${plan.revisions ? ' · <span class="plan-revisions">含修订，按接受全部修订后的文本检查</span>' : ''} · 引用任务 <b class="plan-cited">${cited}</b> 项 · 复述任务 <b class="plan-restated">${restated}</b> 项 · 任务条目 <b>${plan.items.length}</b> 个 · 问题 <b class="plan-findings">${plan.findings.length}</b> 个</p>
${plan.findings.length ? sections : '<p class="ok">未发现问题。</p>'}
</article>`;
}

function renderFinding(f: ReviewFinding): string {
  const tasks = f.tasks.map((t) => `<div class="source-task"><b>${escapeHtml(formatReference(t))}</b> ${escapeHtml(t.text)}</div>`).join('')
    + f.suggested.map((t) => `<div class="source-task suggested"><b>建议：${escapeHtml(formatReference(t))}</b> ${escapeHtml(t.text)}</div>`).join('');
  return `<tr class="finding" data-code="${escapeHtml(String(f.code))}"><td class="place">${placeOf(f)}</td><td class="code"><code>${escapeHtml(String(f.code))}</code></td><td>${escapeHtml(f.message)}</td><td>${tasks || '—'}</td></tr>`;
}

function renderMatrix(report: ReviewReport, rows: MatrixRow[], groups: { key: string; label: string; total: number }[], uncovered: MatrixRow[]): string {
  const columns = report.plans.length + 3;
  const planHeads = report.plans.map((p, i) => `<th class="plan-col" title="${escapeHtml(`${p.title}（${p.file}）`)}">方案${i + 1}<br><small>${escapeHtml(basename(p.file))}</small></th>`).join('');
  const row = (r: MatrixRow) => `<tr class="task" data-task="${escapeHtml(r.task.id)}" data-group="${escapeHtml(r.group)}" data-covering="${r.covering}"><th scope="row" class="ref">${escapeHtml(formatReference(r.task))}</th><td class="text"><div>${escapeHtml(r.task.text)}</div></td>${r.states.map((s) => `<td class="state ${s}" data-state="${s}" title="${STATE_MARK[s].label}">${STATE_MARK[s].mark}</td>`).join('')}<td class="covering">${r.covering}</td></tr>`;
  const body = (cls: string, label: string, list: MatrixRow[], attrs = '') => `<tbody class="${cls}"${attrs}>
<tr class="group-row"><th colspan="${columns}">${label}</th></tr>
${list.map(row).join('\n')}
</tbody>`;
  const covered = groups.map((g) => {
    const list = rows.filter((r) => r.group === g.key && r.covering > 0);
    return body('group', `${escapeHtml(g.label)}<span class="group-count">已覆盖 ${list.length}/${g.total}</span>`, list, ` data-group="${escapeHtml(g.key)}"`);
  });
  const foot = report.plans.map((p) => {
    const cited = rows.filter((r) => coverageState(p, r.task) === 'cited').length;
    const restated = rows.filter((r) => coverageState(p, r.task) === 'restated').length;
    return `<td class="plan-total" data-cited="${cited}" data-restated="${restated}">✓${cited}<br>≈${restated}</td>`;
  }).join('');
  return `<section id="matrix">
<h2>二、任务覆盖矩阵</h2>
<p class="legend"><span class="state cited">✓</span> 已引用（写明任务编号） <span class="state restated">≈</span> 已复述（写了任务内容，未写编号） <span class="state missing">✗</span> 未覆盖。无任何方案覆盖的任务列在最前。</p>
<div class="controls"><input type="search" id="matrix-filter" placeholder="按编号或文字筛选任务"> <label><input type="checkbox" id="matrix-uncovered-only"> 只看无方案覆盖的任务</label> <span class="shown">显示 <b id="matrix-shown">${rows.length}</b>/${rows.length} 项</span></div>
<div class="matrix-wrap">
<table id="coverage-matrix">
<thead><tr><th>任务</th><th>任务内容</th>${planHeads}<th>覆盖方案数</th></tr></thead>
${body('uncovered', `无方案覆盖的任务<span class="group-count" id="uncovered-count">${uncovered.length}</span>`, uncovered)}
${covered.join('\n')}
<tfoot><tr><th colspan="2">各方案引用 ✓ / 复述 ≈ 的任务数</th>${foot}<td></td></tr></tfoot>
</table>
</div>
</section>`;
}

function renderLeads(plans: ReviewPlan[]): string {
  const { loads, unowned } = leadLoads(plans);
  const planNo = new Map(plans.map((p, i) => [p.file, i + 1]));
  const rows = loads.map((l) => `<tr class="lead" data-lead="${escapeHtml(l.lead)}"><th scope="row">${escapeHtml(l.lead)}</th><td class="num">${l.items}</td><td class="num">${l.tasks}</td><td class="num">${l.partnerItems}</td><td>${l.plans.map((p) => `<span title="${escapeHtml(p.file)}">方案${planNo.get(p.file)}（${p.items}）</span>`).join('、') || '—'}</td></tr>`);
  return `<section id="leads">
<h2>三、牵头单位任务量</h2>
<p class="hint">按牵头条目数排序；点击表头可重新排序。“牵头任务”是其牵头的条目所对应的不同试点任务数。</p>
${loads.length ? `<table id="lead-load" class="sortable">
<thead><tr><th data-sort="text">牵头单位</th><th data-sort="number">牵头条目</th><th data-sort="number">牵头任务</th><th data-sort="number">配合条目</th><th data-sort="text">所在方案（条目数）</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>` : '<p class="empty">方案中没有写明牵头单位。</p>'}
<p class="unowned">未写明牵头单位的任务条目：<b id="unowned-count">${unowned}</b> 个</p>
</section>`;
}

const STYLE = `
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--err:#cf222e;--warn:#9a6700;--info:#0969da;--ok:#1a7f37;--restated:#8250df}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:#fff}
header{padding:20px 32px 8px;border-bottom:1px solid var(--line);background:var(--bg)}
h1{margin:0 0 4px;font-size:24px}
h2{margin:32px 0 12px;font-size:20px;border-left:4px solid var(--info);padding-left:8px}
h3{margin:0 0 4px;font-size:16px}
h4{margin:16px 0 6px;font-size:14px}
.sources,.generated,.plan-meta,.hint,.legend{color:var(--muted);margin:2px 0}
.cards{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0;margin:12px 0}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:96px}
.card .n{display:block;font-size:22px;font-weight:600}
.card .label{color:var(--muted);font-size:12px}
.count-uncovered .n{color:var(--err)}.count-errors .n{color:var(--err)}.count-warnings .n{color:var(--warn)}.count-information .n{color:var(--info)}
nav{display:flex;gap:18px;margin:6px 0 4px}
nav a{color:var(--info);text-decoration:none}
main{padding:0 32px 32px}
.plan{border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:12px 0}
.plan-no{display:inline-block;background:var(--info);color:#fff;border-radius:4px;padding:0 6px;margin-right:8px;font-size:12px;vertical-align:2px}
.ok{color:var(--ok)}
.severity.error{color:var(--err)}.severity.warning{color:var(--warn)}.severity.information,.severity.hint{color:var(--info)}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:4px 8px;vertical-align:top;text-align:left}
thead th{background:var(--bg)}
#coverage-matrix thead th{position:sticky;top:0;z-index:1}
.findings td.place,.findings td.code{white-space:nowrap}
.source-task{color:var(--muted);font-size:13px}
.source-task.suggested{margin-top:4px}
.controls{margin:8px 0;display:flex;gap:16px;align-items:center}
.controls input[type=search]{padding:4px 8px;width:260px;border:1px solid var(--line);border-radius:6px;font:inherit}
.matrix-wrap{max-height:80vh;overflow:auto;border:1px solid var(--line)}
#coverage-matrix{font-size:13px}
#coverage-matrix th.ref{white-space:nowrap;font-weight:normal}
#coverage-matrix td.text div{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;max-width:560px}
#coverage-matrix .plan-col{text-align:center;min-width:72px}
.group-row th{background:#eef2f6;font-weight:600}
tbody.uncovered .group-row th{background:#ffebe9;color:var(--err)}
.group-count{margin-left:12px;font-weight:normal;color:var(--muted)}
td.state,span.state{text-align:center;font-weight:700}
.state.cited{color:var(--ok);background:#dafbe1}
.state.restated{color:var(--restated);background:#fbefff}
.state.missing{color:#c9ced4}
span.state{display:inline-block;width:20px;border-radius:3px}
td.covering,td.num,.plan-total{text-align:center}
tfoot td,tfoot th{background:var(--bg);font-size:12px}
.sortable th{cursor:pointer;user-select:none}
.sortable th[aria-sort=ascending]::after{content:" ▲"}
.sortable th[aria-sort=descending]::after{content:" ▼"}
#lead-load{max-width:900px}
.unowned b{color:var(--warn)}
footer{color:var(--muted);font-size:12px;padding:16px 32px;border-top:1px solid var(--line)}
tr[hidden]{display:none}
@media print{.controls,nav{display:none}.matrix-wrap{max-height:none;overflow:visible}}
`;

// Filtering of the matrix and sorting of the lead table: plain DOM, no library.
const SCRIPT = `
(function(){
  var filter=document.getElementById('matrix-filter'),only=document.getElementById('matrix-uncovered-only'),shown=document.getElementById('matrix-shown');
  function apply(){
    if(!filter)return;
    var q=filter.value.trim().toLowerCase(),n=0;
    document.querySelectorAll('#coverage-matrix tr.task').forEach(function(tr){
      var ok=(!q||tr.textContent.toLowerCase().indexOf(q)>=0||tr.getAttribute('data-task').toLowerCase()===q)&&(!only.checked||tr.getAttribute('data-covering')==='0');
      tr.hidden=!ok;if(ok)n++;
    });
    document.querySelectorAll('#coverage-matrix tbody').forEach(function(tb){
      tb.hidden=!tb.querySelector('tr.task:not([hidden])');
    });
    shown.textContent=String(n);
  }
  if(filter){filter.addEventListener('input',apply);only.addEventListener('change',apply);apply();}
  document.querySelectorAll('table.sortable').forEach(function(table){
    table.querySelectorAll('thead th').forEach(function(th,col){
      th.addEventListener('click',function(){
        var numeric=th.getAttribute('data-sort')==='number',asc=th.getAttribute('aria-sort')!=='ascending';
        table.querySelectorAll('thead th').forEach(function(o){o.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',asc?'ascending':'descending');
        var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){
          var x=a.cells[col].textContent,y=b.cells[col].textContent;
          var d=numeric?Number(x)-Number(y):x.localeCompare(y,'zh');
          return asc?d:-d;
        });
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
})();
`;
