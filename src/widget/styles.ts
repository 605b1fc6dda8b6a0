/**
 * The widget's only CSS, adopted by its shadow root: nothing leaks to the host page and the host's
 * CSS cannot reach in. `--pc-accent` is set on the host element from the brand or `data-color`.
 */
export const css = `
:host{all:initial;--pc-accent:#2f5bd3;--pc-on-accent:#fff;--pc-bg:#fff;--pc-fg:#1d2330;--pc-muted:#5b6475;--pc-line:#e3e6ec;--pc-soft:#f3f5f8;--pc-danger:#b3261e;--pc-ok:#1e7a3b;
position:fixed;bottom:20px;right:20px;z-index:2147483000;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Hiragino Sans","PingFang SC",sans-serif;color:var(--pc-fg)}
:host([data-position=left]){right:auto;left:20px}
*{box-sizing:border-box}
button{font:inherit;cursor:pointer}
button:focus-visible,textarea:focus-visible,a:focus-visible{outline:2px solid var(--pc-accent);outline-offset:2px}
svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.pc-launcher{width:56px;height:56px;border:0;border-radius:50%;background:var(--pc-accent);color:var(--pc-on-accent);display:grid;place-items:center;box-shadow:0 6px 20px rgba(0,0,0,.25)}
.pc-panel{width:min(380px,calc(100vw - 24px));height:min(600px,calc(100vh - 40px));display:flex;flex-direction:column;background:var(--pc-bg);border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.25);overflow:hidden}
.pc-header{display:flex;align-items:center;justify-content:space-between;padding:14px 16px;background:var(--pc-accent);color:var(--pc-on-accent)}
.pc-header h2{margin:0;font-size:17px;font-weight:600}
.pc-close{border:0;background:transparent;color:inherit;padding:4px;border-radius:8px;display:grid}
.pc-notice{margin:0;padding:8px 16px;background:var(--pc-soft);color:var(--pc-muted);font-size:13px}
.pc-messages{flex:1;overflow-y:auto;margin:0;padding:12px 12px 4px;list-style:none;display:flex;flex-direction:column;gap:8px}
.pc-row{display:flex;flex-direction:column;max-width:85%}
.pc-own{align-self:flex-end;align-items:flex-end}
.pc-their{align-self:flex-start}
.pc-system{align-self:center;color:var(--pc-muted);font-size:13px}
.pc-row-card{max-width:92%;align-self:flex-start;width:100%}
.pc-bubble{margin:0;padding:8px 12px;border-radius:14px;background:var(--pc-soft);white-space:pre-wrap;overflow-wrap:anywhere}
.pc-own .pc-bubble{background:var(--pc-accent);color:var(--pc-on-accent)}
.pc-author,.pc-meta{font-size:12px;color:var(--pc-muted);margin:2px 4px}
.pc-failed{color:var(--pc-danger)}
.pc-link{border:0;background:none;padding:0;color:var(--pc-accent);text-decoration:underline}
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
.pc-whatsapp{font-size:13px;padding:5px 10px;border-color:#1a7f4b;color:#0f6b3c}
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
.pc-card-unknown .pc-card-status{color:#8a5300}
.pc-card-declined,.pc-card-revoked,.pc-card-expired,.pc-card-voided{background:var(--pc-soft)}
.pc-card-note{font-size:14px}
.pc-card-reference{font-size:12px;color:var(--pc-muted)}
ul.pc-card-reference{margin:0 0 6px;padding:0;list-style:none}
.pc-card-actions{display:flex;gap:8px;margin-top:8px}
@media (max-width:480px){:host{bottom:12px;right:12px}.pc-panel{position:fixed;inset:0;width:100vw;height:100dvh;border-radius:0}}
@media (prefers-reduced-motion:no-preference){.pc-launcher{transition:transform .15s}.pc-launcher:hover{transform:scale(1.06)}}
.pc-log{position:relative;flex:1;min-height:0;display:flex;flex-direction:column}
.pc-messages{overflow-anchor:none}
.pc-spacer{flex:none}
.pc-pill{position:absolute;bottom:8px;left:50%;transform:translateX(-50%);box-shadow:0 6px 20px rgba(0,0,0,.25)}
`
