/** The page's only stylesheet (allowed by its hash in the Content-Security-Policy). */
export const css = `:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--error:#cf222e;--warning:#9a6700;--info:#0969da;--ok:#1a7f37;--mark:#fff8c5;--focus:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--panel:#151b23;--error:#f85149;--warning:#d29922;--info:#4493f8;--ok:#3fb950;--mark:#5a4a00;--focus:#4493f8}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0 auto;max-width:80rem;padding:1rem 1.5rem 3rem;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
a{color:var(--info)}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.25rem .5rem}
header{border-bottom:1px solid var(--line);margin-bottom:1rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .25rem}
.summary{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0 1rem;color:var(--muted)}
.summary strong{font-size:1.3rem;color:var(--fg)}
.summary .error strong{color:var(--error)}.summary .warning strong{color:var(--warning)}.summary .info strong{color:var(--info)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 2rem}
.layout>div{overflow-x:auto}
@media (max-width:60rem){.layout{grid-template-columns:minmax(0,1fr)}}
.path{color:var(--muted);font-size:.85em;margin-left:.4em;word-break:break-all}
#contents{max-width:60rem}
ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:1.1rem}ul.tree{padding-left:0}
.row,summary{display:flex;align-items:baseline;gap:.4rem;padding:.1rem 0}
summary{cursor:pointer;font-weight:600}
.part>details>summary{border-bottom:1px solid var(--line)}
.row .title{flex:0 1 auto}.counts{margin-left:auto;display:inline-flex;gap:.25rem;flex:none}
.n{display:inline-block;min-width:1.6em;padding:0 .35em;border-radius:.8em;font-size:.8em;text-align:center;font-weight:600;color:#fff}
.n.error{background:var(--error)}.n.warning{background:var(--warning)}.n.info{background:var(--info)}.n.ok{color:var(--ok);background:none}
.dot{flex:none;width:.7em;height:.7em;border-radius:50%;display:inline-block;background:var(--ok)}
.dot.error{background:var(--error)}.dot.warning{background:var(--warning)}.dot.info{background:var(--info)}
.mirrors{display:inline-flex;gap:.25rem;flex:none}.mirror{font-size:.75em;border:1px solid var(--line);border-radius:.3em;padding:0 .3em}
.mirror.stale,.mirror.missing{color:var(--warning);border-color:var(--warning)}.mirror.in-step{color:var(--ok)}
table.chart{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9em}
caption{text-align:left;font-weight:600;padding:.25rem 0}
table.chart th[scope=row]{white-space:nowrap}
th,td{padding:.15rem .4rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
.num{text-align:right;font-variant-numeric:tabular-nums}
th button{font:inherit;font-weight:600;background:none;border:0;color:inherit;cursor:pointer;padding:0}
th[aria-sort] button::after{content:" ▾"}th[aria-sort=ascending] button::after{content:" ▴"}
svg.bar rect.error{fill:var(--error)}svg.bar rect.warning{fill:var(--warning)}svg.bar rect.info{fill:var(--info)}
svg.bar{background:var(--panel);border-radius:2px;display:block;width:100%;min-width:3rem;max-width:10rem;height:10px}
td.barcell{width:25%}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem;background:var(--panel);border:1px solid var(--line);border-radius:.4rem;position:sticky;top:0;z-index:1}
.filters select,.filters input,.filters button{font:inherit;max-width:16rem}
ol.findings{list-style:none;padding:0;margin:.5rem 0}
.finding{border-left:4px solid var(--info);padding:.3rem .75rem;margin:.5rem 0;background:var(--panel);border-radius:0 .3rem .3rem 0}
.finding.error{border-color:var(--error)}.finding.warning{border-color:var(--warning)}
.finding p{margin:.15rem 0}.head{font-size:.85em;color:var(--muted)}
.sev{font-weight:700;text-transform:uppercase;font-size:.8em}.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.loc{word-break:break-all}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK SC",monospace;font-size:.9em}
.msg code{background:var(--bg);padding:0 .2em;border-radius:.2em}
pre.src{margin:.25rem 0;padding:.3rem .5rem;background:var(--bg);border:1px solid var(--line);border-radius:.3rem;white-space:pre-wrap;word-break:break-all}
pre.src .ln{color:var(--muted);user-select:none;margin-right:.8em}
mark{background:var(--mark);color:inherit;text-decoration:underline wavy var(--error);text-underline-offset:3px}
mark.empty::before{content:"▏";color:var(--error)}
.cause{font-size:.85em;color:var(--muted)}
footer{margin-top:2rem;color:var(--muted);font-size:.85em}
@media print{body{max-width:none;padding:0;font-size:11pt}.filters,.skip{display:none!important}.finding,pre.src{break-inside:avoid}a{color:inherit;text-decoration:none}.layout{grid-template-columns:minmax(0,1fr)}.finding[hidden]{display:none}}
`;

/** The page's only script: filters, sortable charts, opening every part before printing. */
export const script = `(() => {
  'use strict';
  const form = document.getElementById('filters');
  const list = document.getElementById('list');
  if (form && list) {
    const items = Array.from(list.children);
    const fields = Array.from(form.querySelectorAll('[data-key]'));
    const shown = document.getElementById('shown');
    const none = document.getElementById('none');
    const apply = () => {
      const want = {};
      for (const field of fields) want[field.dataset.key] = field.value;
      const q = (want.q || '').trim().toLowerCase();
      let count = 0;
      for (const item of items) {
        const d = item.dataset;
        const ok = (!want.severity || d.severity === want.severity) && (!want.rule || d.rule === want.rule) &&
          (!want.family || d.family === want.family) && (!want.chapter || d.chapter === want.chapter) &&
          (!q || item.textContent.toLowerCase().includes(q));
        item.hidden = !ok;
        if (ok) count++;
      }
      shown.value = count + ' of ' + items.length + ' shown';
      none.hidden = count > 0;
    };
    form.hidden = false;
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('reset', () => setTimeout(apply, 0));
    document.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('[data-filter]') : null;
      if (!link) return;
      event.preventDefault();
      for (const field of fields) field.value = field.dataset.key === link.dataset.filter ? link.dataset.value : '';
      apply();
      const section = document.getElementById('findings');
      section.scrollIntoView();
      section.focus({ preventScroll: true });
    });
    apply();
  }
  for (const table of document.querySelectorAll('table.chart')) {
    table.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[data-sort]') : null;
      if (!button) return;
      const key = button.dataset.sort;
      const cell = button.parentElement;
      const text = key === 'name';
      const ascending = cell.getAttribute('aria-sort') ? cell.getAttribute('aria-sort') !== 'ascending' : text;
      for (const other of table.querySelectorAll('th[aria-sort]')) other.removeAttribute('aria-sort');
      cell.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      const value = (row) => (text ? row.dataset[key] || '' : Number(row.dataset[key]));
      rows.sort((a, b) => {
        const x = value(a);
        const y = value(b);
        const order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      for (const row of rows) body.appendChild(row);
    });
  }
  window.addEventListener('beforeprint', () => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
})();
`;
