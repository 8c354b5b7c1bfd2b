import { CJK_FONT_FAMILY } from './charts/renderChart.js';

/** The report's only styling, inlined: system and CJK fonts, no web fonts, no url() of any kind. */
export const PAGE_STYLE = `
:root { color-scheme: light; }
body { font-family: ${CJK_FONT_FAMILY}; margin: 0 auto; max-width: 1040px; padding: 24px; color: #222; line-height: 1.6; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 12px; padding-top: 12px; border-top: 1px solid #ddd; }
nav ol { margin: 8px 0 0; padding-left: 20px; columns: 2; }
.meta { color: #555; font-size: 13px; }
figure.chart { margin: 0 0 12px; overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; margin: 8px 0; max-height: 420px; overflow-y: auto; border: 1px solid #e5e5e5; }
table { border-collapse: collapse; font-size: 13px; white-space: nowrap; }
caption { text-align: left; font-weight: bold; padding: 4px 8px; background: #fafafa; }
th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: left; }
th { position: sticky; top: 0; background: #f3f5f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { font-size: 13px; color: #444; background: #f8f9fb; border-left: 3px solid #9db4d0; padding: 8px 12px; }
ul.groups { columns: 3; font-size: 14px; }
code { font-size: 12px; background: #eef1f5; padding: 0 3px; }
`;
