/**
 * The widget's only CSS, adopted by its shadow root: nothing leaks to the host page and the host's
 * CSS cannot reach in. Its look is custom properties on the host (`--pc-*`, the documented theme):
 * set from the options (colour, offset, z-index, createWidget's `theme`) and the brand, or by the
 * host page's own CSS on `paychat-widget`, which wins over the defaults here. Everything else on
 * the host is !important, so a page's `*{…}` can neither restyle the host nor reach inside by
 * inheritance (for normal declarations the page would win over `:host`; for important ones the shadow
 * tree wins). Dark follows the system
 * unless the `theme` option (`data-theme`) says light or dark: the host then carries `data-scheme`.
 * `--pc-vh`/`--pc-vt` are the visual viewport, set by mount-widget.tsx for the full-screen panel.
 */
/** The dark palette: the same properties, for `data-scheme="dark"` and for a dark system unless "light". */
const dark =
  '--pc-bg:#222;--pc-fg:#eee;--pc-muted:#aab;--pc-line:#445;--pc-soft:#333;--pc-danger:#f99;--pc-ok:#7d9;--pc-warn:#fb5;--pc-link:#eee;color-scheme:dark!important'

export const css = `
:host{all:initial!important;--pc-accent:#2f5bd3;--pc-on-accent:#fff;--pc-bg:#fff;--pc-fg:#1d2330;--pc-muted:#5b6475;--pc-line:#e3e6ec;--pc-soft:#f3f5f8;--pc-danger:#b3261e;--pc-ok:#1e7a3b;--pc-warn:#8a5300;--pc-link:var(--pc-accent);
position:fixed!important;bottom:var(--pc-offset-y,20px)!important;right:var(--pc-offset-x,20px)!important;z-index:var(--pc-z-index,2147483000)!important;font:15px/1.45 var(--pc-font,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Hiragino Sans","PingFang SC",sans-serif)!important;color:var(--pc-fg)!important}
:host([data-position=left]){right:auto!important;left:var(--pc-offset-x,20px)!important}
:host([data-scheme=dark]){${dark}}
@media (prefers-color-scheme:dark){:host(:not([data-scheme=light])){${dark}}}
:host([data-inline]){position:static!important;display:block!important;height:100%!important}
*{box-sizing:border-box}
button{font:inherit;cursor:pointer}
:focus-visible{outline:2px solid var(--pc-accent);outline-offset:2px}
.pc-panel :focus-visible{outline-color:var(--pc-link)}
svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.pc-launcher{position:relative;min-width:56px;height:56px;padding:0 16px;border:0;border-radius:50%;background:var(--pc-accent);color:var(--pc-on-accent);display:grid;grid-auto-flow:column;gap:8px;place-items:center;box-shadow:0 6px 20px rgba(0,0,0,.25);font:600 15px system-ui}
.pc-launcher:has(span){border-radius:28px}
.pc-launcher:before{content:"";width:24px;height:24px;background:currentColor;clip-path:path(evenodd,"M3 4h18v13H9.4L3 22zM5 6v11.8L8.7 15H19V6z");forced-color-adjust:none}
.pc-badge{position:absolute;top:-4px;right:-4px;min-width:20px;padding:0 6px;border-radius:10px;background:#c5221f;font:700 12px/20px system-ui;text-align:center}
.pc-panel{width:min(380px,calc(100vw - 24px));height:min(600px,calc(100vh - 40px));display:flex;flex-direction:column;background:var(--pc-bg);border-radius:var(--pc-radius,16px);box-shadow:0 12px 40px rgba(0,0,0,.25);overflow:hidden}
:host([data-inline]) .pc-panel{width:100%;height:100%;min-height:360px;box-shadow:none;border:1px solid var(--pc-line)}
.pc-header{display:flex;align-items:center;justify-content:space-between;padding:14px 16px;background:var(--pc-accent);color:var(--pc-on-accent)}
.pc-header h2{margin:0;font-size:17px;font-weight:600}
.pc-close{border:0;background:transparent;color:inherit;padding:4px;border-radius:8px;display:grid}
.pc-notice{margin:0;padding:8px 16px;background:var(--pc-soft);color:var(--pc-muted);font-size:13px}
.pc-messages{flex:1;overflow-y:auto;overflow-anchor:none;padding:12px 12px 4px;display:flex;flex-direction:column;gap:8px}
.pc-row{display:flex;flex-direction:column;max-width:85%}
.pc-own{align-self:flex-end;align-items:flex-end}
.pc-their{align-self:flex-start}
.pc-system{align-self:center;color:var(--pc-muted);font-size:13px}
.pc-row-card{max-width:92%;align-self:flex-start;width:100%}
.pc-bubble{margin:0;padding:8px 12px;border-radius:14px;background:var(--pc-soft);white-space:pre-wrap;overflow-wrap:anywhere}
.pc-own .pc-bubble{background:var(--pc-accent);color:var(--pc-on-accent)}
.pc-author,.pc-meta{font-size:12px;color:var(--pc-muted);margin:2px 4px}
.pc-failed{color:var(--pc-danger)}
.pc-link{border:0;background:none;padding:0;color:var(--pc-link);text-decoration:underline}
.pc-handoff{padding:6px 12px 0;display:flex;flex-direction:column;align-items:flex-start;gap:4px}
.pc-handoff p{margin:0;font-size:13px}
.pc-template-header{display:block;margin-bottom:4px}
.pc-template-body{margin:0;white-space:pre-wrap}
.pc-template-footer{display:block;margin-top:4px;color:var(--pc-muted)}
.pc-template-buttons{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.pc-template-buttons .pc-button{font-size:13px;padding:5px 10px;text-decoration:none}
.pc-composer{display:flex;gap:8px;padding:10px 12px;border-top:1px solid var(--pc-line)}
.pc-composer textarea{flex:1;resize:none;min-height:40px;max-height:120px;padding:9px 12px;border:1px solid var(--pc-line);border-radius:12px;font:inherit;font-size:16px;color:inherit;background:var(--pc-bg)}
.pc-button{border:1px solid var(--pc-line);background:var(--pc-bg);color:var(--pc-fg);padding:8px 14px;border-radius:10px;font-weight:600}
.pc-primary{background:var(--pc-accent);border-color:var(--pc-accent);color:var(--pc-on-accent)}
.pc-whatsapp{font-size:13px;padding:5px 10px;border-color:var(--pc-ok);color:var(--pc-ok)}
.pc-button:disabled{opacity:.55;cursor:progress}
.pc-card{border:1px solid var(--pc-line);border-radius:14px;padding:12px 14px;background:var(--pc-bg);box-shadow:0 1px 3px rgba(0,0,0,.06)}
.pc-card p{margin:0 0 6px}
.pc-card-kicker{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--pc-muted)}
.pc-card-title{margin:0 0 4px;font-size:16px}
.pc-card-description{color:var(--pc-muted);font-size:14px}
.pc-card-amount strong{font-size:18px}
.pc-card-recurrence{color:var(--pc-muted)}
.pc-card-status{font-size:14px;font-weight:600}
.pc-card-paid .pc-card-status,.pc-card-card_saved .pc-card-status{color:var(--pc-ok)}
.pc-card-failed .pc-card-status,.pc-card-error{color:var(--pc-danger)}
.pc-card-unknown .pc-card-status{color:var(--pc-warn)}
.pc-card-declined,.pc-card-revoked,.pc-card-expired,.pc-card-voided{background:var(--pc-soft)}
.pc-card-note{font-size:14px}
.pc-card-reference{font-size:12px;color:var(--pc-muted)}
ul.pc-card-reference{margin:0 0 6px;padding:0;list-style:none}
.pc-card-actions{display:flex;gap:8px;margin-top:8px}
@media (max-width:480px){:host{bottom:var(--pc-offset-y,12px)!important;right:var(--pc-offset-x,12px)!important}:host(:not([data-inline])) .pc-panel{position:fixed;left:0;top:var(--pc-vt,0);width:100vw;height:var(--pc-vh,100dvh);border-radius:0}}
@media (prefers-reduced-motion:no-preference){.pc-launcher{transition:transform .15s}.pc-launcher:hover{transform:scale(1.06)}}
.pc-log{position:relative;flex:1;min-height:0;display:flex;flex-direction:column}
ol{display:contents}
.pc-spacer{flex:none}
.pc-pill{position:absolute;bottom:8px;left:50%;transform:translateX(-50%);box-shadow:0 6px 20px rgba(0,0,0,.25)}
`
