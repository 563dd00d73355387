/**
 * The admin's whole stylesheet, served by the admin itself at /assets/admin.css (no CDN: it
 * may run where none is reachable; and a file, not inline, so the CSP allows no inline style).
 */
export const ADMIN_STYLES = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --paper: #ffffff; --wash: #f5f7fa; --accent: #2f6fde; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--wash); }
header { display: flex; align-items: baseline; gap: 1rem; padding: 0.8rem 1.5rem; background: #102a43; color: #f0f4f8; }
header h1 { margin: 0; font-size: 1.15rem; font-weight: 600; }
header span { color: #9fb3c8; }
main { padding: 1rem 1.5rem 2rem; }
section.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0.9rem 1rem; margin-bottom: 1rem; }
form.filters, form.trigger { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.75rem; margin: 0; }
label { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.8rem; color: var(--muted); }
input, select, button { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #bcccdc; border-radius: 4px; background: var(--paper); color: var(--ink); }
input[name="run_id"] { width: 22rem; }
button { background: var(--accent); border-color: var(--accent); color: #fff; cursor: pointer; }
button:hover { filter: brightness(1.08); }
select:disabled { color: var(--muted); background: var(--wash); }
.hint { font-size: 0.8rem; color: var(--muted); }
.notice { border-radius: 6px; padding: 0.7rem 1rem; margin-bottom: 1rem; border: 1px solid; }
.notice.info { background: #e6f0ff; border-color: #9dbdf5; }
.notice.success { background: #e3f9e5; border-color: #91d8a0; }
.notice.warning { background: #fffbea; border-color: #f0c75e; }
.notice.error { background: #ffeeee; border-color: #f29b9b; }
.notice ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em; }
.table-wrap { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 0.35rem 0.55rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #f0f4f8; font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); white-space: nowrap; }
tbody tr:hover { background: #f8fafc; }
td.time, td.id { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8rem; }
td.number { text-align: right; }
td.message { min-width: 18rem; }
details summary { cursor: pointer; color: var(--accent); }
details pre { margin: 0.3rem 0 0; max-width: 32rem; white-space: pre-wrap; word-break: break-all; font-size: 0.78rem; }
.level { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 999px; font-size: 0.75rem; font-weight: 600; }
.level-debug { background: #e4e7eb; color: #3e4c59; }
.level-info { background: #dceefb; color: #0b4f8a; }
.level-warning { background: #fff3c4; color: #8d2b0b; }
.level-error { background: #ffd0d0; color: #8a041a; }
.level-critical { background: #8a041a; color: #fff; }
.level-other { background: #e4e7eb; color: var(--ink); }
header nav { display: flex; gap: 1rem; }
header nav a { color: #9fb3c8; text-decoration: none; }
header nav a[aria-current="page"], header nav a:hover { color: #f0f4f8; }
ul.counts { display: flex; flex-wrap: wrap; gap: 0.75rem; list-style: none; margin: 0 0 0.4rem; padding: 0; }
li.count a { display: block; padding: 0.4rem 0.8rem; border: 1px solid var(--line); border-radius: 6px; background: var(--wash); color: var(--ink); text-decoration: none; }
li.count strong { font-size: 1.2rem; margin-right: 0.3rem; }
li.count.alarm a { background: #ffeeee; border-color: #f29b9b; }
.status { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 999px; font-size: 0.75rem; font-weight: 600; white-space: nowrap; }
.status-pending { background: #dceefb; color: #0b4f8a; }
.status-in_flight { background: #fff3c4; color: #8d2b0b; }
.status-delivered { background: #e3f9e5; color: #05400a; }
.status-dead { background: #ffd0d0; color: #8a041a; }
form.retry { margin: 0.35rem 0 0; }
form.retry button { padding: 0.15rem 0.6rem; font-size: 0.8rem; }
span.id { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8rem; }
.status-queued, .status-sent { background: #dceefb; color: #0b4f8a; }
.status-running { background: #fff3c4; color: #8d2b0b; }
.status-succeeded, .status-received { background: #e3f9e5; color: #05400a; }
.status-failed { background: #ffd0d0; color: #8a041a; }
.status-cancelled { background: #e4e7eb; color: #3e4c59; }
tr.run-failed td { background: #fff5f5; }
tr.run-failed td.message { color: #8a041a; }
li.count > span { display: block; padding: 0.4rem 0.8rem; border: 1px solid var(--line); border-radius: 6px; background: var(--wash); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 0.6rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
h2 { font-size: 1.05rem; margin: 1.2rem 0 0.5rem; }
section.order h3 { margin: 0 0 0.5rem; font-size: 0.95rem; }
/* Eighteen columns must fit 1280 px with Russian headings: they wrap, in sentence case. */
table.lines th { white-space: normal; text-transform: none; letter-spacing: 0; font-size: 0.75rem; }
table.lines th, table.lines td { padding: 0.3rem 0.35rem; }
table.lines th[title] { cursor: help; text-decoration: underline dotted; }
form.operator { margin-left: auto; display: flex; align-items: center; gap: 0.6rem; }
form.operator .who { color: #d9e2ec; }
button.quiet { background: transparent; border-color: #9fb3c8; color: #f0f4f8; padding: 0.2rem 0.6rem; }
section.sign-in { max-width: 24rem; margin: 2rem auto; }
form.sign-in { display: flex; flex-direction: column; gap: 0.8rem; }
button.copy { background: transparent; border: none; color: var(--accent); padding: 0 0.2rem; font-size: 0.8rem; }
button.copy[data-copied] { color: #05400a; }
input.uuid { width: 19rem; }
nav.pager { display: flex; justify-content: space-between; margin: 0.4rem 0; }
table.logs td.message { min-width: 20rem; max-width: 36rem; }
table.logs details.log-row summary { color: var(--ink); overflow-wrap: anywhere; }
table.logs details.log-row[open] summary { font-weight: 600; }
table.logs details.log-row dl.facts { margin: 0.5rem 0; font-size: 0.8rem; }
table.logs details.log-row dd { overflow-wrap: anywhere; }
table.logs h4 { margin: 0.5rem 0 0.2rem; font-size: 0.8rem; color: var(--muted); }
pre.json { margin: 0; padding: 0.5rem; background: var(--wash); border: 1px solid var(--line); border-radius: 4px; max-height: 24rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.78rem; }
div.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr)); gap: 1rem; margin-bottom: 1rem; }
figure.chart { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0.7rem 0.9rem; }
figure.chart figcaption { font-weight: 600; margin-bottom: 0.4rem; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart text.axis { font-size: 11px; fill: var(--muted); }
figure.chart line.grid { stroke: var(--line); stroke-dasharray: 3 3; }
figure.chart line.baseline { stroke: #9aa5b1; }
ul.legend { display: flex; flex-wrap: wrap; gap: 0.9rem; list-style: none; margin: 0.4rem 0 0; padding: 0; font-size: 0.8rem; color: var(--muted); }
span.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; margin-right: 0.3rem; vertical-align: -0.1rem; }
.series-units { fill: #5b8def; background: #5b8def; }
.series-duration { stroke: #d9822b; fill: #d9822b; background: #d9822b; }
polyline.series-duration { fill: none; stroke-width: 2; }
.series-delivered { fill: #3f9c5a; background: #3f9c5a; }
.series-retried { fill: #e0b33a; background: #e0b33a; }
.series-dead { fill: #c23b3b; background: #c23b3b; }
table.runs th, table.outbox th { white-space: normal; }
table.outbox td.event-type { overflow-wrap: anywhere; min-width: 8rem; }
table.outbox td.message { min-width: 8rem; }
table.runs td.message { min-width: 9rem; max-width: 22rem; }
/* Russian headings are long: the runs and outbox tables fit 1280 px with them in sentence case and tighter cells. */
table.runs th, table.outbox th { text-transform: none; letter-spacing: 0; font-size: 0.75rem; }
table.runs th, table.runs td, table.outbox th, table.outbox td { padding: 0.35rem 0.4rem; }
/* Russian labels run longer: a fact's value wraps (ids and JSON included) rather than pushing the page wider. */
dl.facts { grid-template-columns: max-content minmax(0, 1fr); }
dl.facts dd { min-width: 0; overflow-wrap: anywhere; }
dl.facts dd.id, dl.facts dd span.id, dl.facts dd code { white-space: normal; overflow-wrap: anywhere; }
header nav { flex-wrap: wrap; column-gap: 1rem; row-gap: 0.2rem; }
header nav a { white-space: nowrap; }
nav.lang { display: flex; gap: 0.5rem; }
nav.lang a { color: #9fb3c8; text-decoration: none; }
nav.lang a:hover { color: #f0f4f8; }
nav.lang [aria-current] { color: #f0f4f8; font-weight: 600; }
span.clamp { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; overflow-wrap: anywhere; }
@media (max-width: 640px) {
  header { flex-wrap: wrap; padding: 0.6rem 0.8rem; gap: 0.5rem; }
  main { padding: 0.8rem 0.6rem 1.5rem; }
  form.operator { margin-left: 0; }
  /* On a phone a fact's label sits above its value. */
  dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dl.facts dt { margin-top: 0.35rem; font-size: 0.8rem; }
  input[name="run_id"], input.uuid { width: 100%; }
  table.logs td.message { min-width: 14rem; }
  form.trigger label { flex: 1 1 100%; min-width: 0; }
  /* A long warehouse name in the list must not widen the page. */
  form.trigger select { width: 100%; max-width: 100%; }
  form.filters label { flex: 1 1 calc(50% - 0.75rem); min-width: 0; }
  form.filters input, form.filters select { width: 100%; }
  /* A log row reads as a card on a phone: no header, empty cells gone, the message in full. */
  table.logs thead { display: none; }
  table.logs, table.logs tbody, table.logs tr, table.logs td { display: block; width: 100%; }
  table.logs tr { border-bottom: 1px solid var(--line); padding: 0.35rem 0; }
  table.logs td { border: none; padding: 0.1rem 0.6rem; max-width: none; min-width: 0; }
  table.logs td:empty { display: none; }
  table.logs td.message { min-width: 0; }
  table.runs thead { display: none; }
  table.runs, table.runs tbody, table.runs tr, table.runs td { display: block; width: 100%; }
  table.runs tr { border-bottom: 1px solid var(--line); padding: 0.35rem 0; }
  table.runs td { border: none; padding: 0.1rem 0.6rem; text-align: left; max-width: none; min-width: 0; }
  table.runs td:empty { display: none; }
  table.runs td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
}
`;
