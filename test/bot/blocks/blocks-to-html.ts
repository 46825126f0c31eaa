import type { Block } from '../../../bot/blocks/build-answer.js';

/**
 * A Slack-like HTML page of Block Kit blocks, for screenshots in headless
 * Chromium (Slack's own renderer is not available offline): headers, mrkdwn
 * sections (*bold*, _italic_, `code`, <url|links>, line breaks), context
 * lines, dividers, images and buttons. Builders already escape &, < and > in
 * data (escapeMrkdwn), so mrkdwn text is HTML-safe apart from its own links.
 */
export function blocksToHtml(title: string, messages: readonly (readonly Block[])[], lang: string): string {
  const mrkdwn = (text: string): string =>
    text
      .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '<a href="$1">$2</a>')
      .replace(/<@([A-Z0-9]+)>/g, '<span class="mention">@$1</span>')
      .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>')
      .replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>')
      .replace(/`([^`\n]+)`/g, '<code>$1</code>')
      .replace(/\n/g, '<br>');
  const plain = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const block = (b: Block): string => {
    switch (b.type) {
      case 'header':
        return `<h3 class="header">${plain(b.text.text)}</h3>`;
      case 'section':
        return `<div class="section">${b.text ? mrkdwn(b.text.text) : ''}${(b.fields ?? []).map((f) => `<div class="field">${mrkdwn(f.text)}</div>`).join('')}</div>`;
      case 'context':
        return `<div class="context">${b.elements.map((e) => ('text' in e && typeof e.text === 'string' ? mrkdwn(e.text) : '')).join(' ')}</div>`;
      case 'divider':
        return '<hr>';
      case 'image':
        return `<div class="image">[${plain(b.alt_text)}]</div>`;
      case 'actions':
        return `<div class="actions">${b.elements.map((e) => ('text' in e && e.text && 'text' in e.text ? `<button>${plain(e.text.text)}</button>` : '')).join('')}</div>`;
      default:
        return '';
    }
  };
  const body = messages
    .map(
      (blocks) =>
        `<div class="message"><div class="avatar">T</div><div class="content"><div class="who">Tierline <span>APP</span></div>${blocks.map(block).join('')}</div></div>`,
    )
    .join('');
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${plain(title)}</title><style>
body{margin:0;background:#fff;color:#1d1c1d;font:15px/1.46 "Noto Sans","Noto Sans CJK SC","DejaVu Sans",sans-serif}
.message{display:flex;gap:10px;padding:12px 20px;border-bottom:1px solid #eee;max-width:760px}
.avatar{width:36px;height:36px;border-radius:6px;background:#0077bb;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;flex:none}
.who{font-weight:700}.who span{font-size:10px;background:#eee;color:#555;padding:1px 3px;border-radius:3px;margin-left:4px}
.header{font-size:18px;margin:4px 0 6px}.section{margin:6px 0;white-space:normal}.context{color:#616061;font-size:12.5px;margin:4px 0}
.actions button{margin:4px 6px 4px 0;padding:3px 12px;border:1px solid #bbb;border-radius:4px;background:#fff;font:inherit;font-size:13px}
code{background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:0 3px}hr{border:none;border-top:1px solid #ddd}
</style></head><body>${body}</body></html>`;
}
