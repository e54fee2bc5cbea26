/**
 * One stylesheet for the report on screen and on paper: plain elements under `.linli-report`, so the
 * print view lays out the same cards and tables without the panel's theme.
 */
export const REPORT_CSS = `
.linli-report { color: #32324d; font-size: 1.4rem; line-height: 1.45; }
.linli-report h2 { font-size: 1.8rem; font-weight: 600; margin: 24px 0 12px; }
.linli-report h3 { font-size: 1.5rem; font-weight: 600; margin: 0 0 6px; }
.linli-report .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px; }
.linli-report .card { background: #fff; border: 1px solid #dcdce4; border-radius: 4px; padding: 14px 16px; break-inside: avoid; }
.linli-report .card .value { font-size: 2.8rem; font-weight: 700; color: #212134; line-height: 1.2; }
.linli-report .card .compare { margin: 6px 0 0; padding: 0; list-style: none; font-size: 1.3rem; }
.linli-report .up { color: #2f6846; }
.linli-report .down { color: #b72b1a; }
.linli-report .help { color: #666687; font-size: 1.2rem; margin: 8px 0 0; }
.linli-report .unmarked { background: #fdf4dc; border: 1px solid #fae7b9; color: #8a4a0b; border-radius: 4px; padding: 6px 8px; margin-top: 8px; font-size: 1.3rem; }
.linli-report .sentence { background: #fff; border: 1px solid #dcdce4; border-radius: 4px; padding: 14px 16px; break-inside: avoid; }
.linli-report .sentence p { margin: 0 0 8px; font-size: 1.5rem; }
.linli-report .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; }
.linli-report figure { margin: 0; background: #fff; border: 1px solid #dcdce4; border-radius: 4px; padding: 12px; break-inside: avoid; }
.linli-report figcaption { font-weight: 600; margin-bottom: 8px; }
.linli-report table { width: 100%; border-collapse: collapse; background: #fff; }
.linli-report th, .linli-report td { border: 1px solid #dcdce4; padding: 6px 8px; text-align: start; vertical-align: top; }
.linli-report th { background: #f6f6f9; font-weight: 600; }
.linli-report td.num, .linli-report th.num { text-align: end; font-variant-numeric: tabular-nums; }
.linli-report .muted { color: #666687; }
.linli-report .cancelled td { color: #666687; text-decoration: line-through; }
`;
