import type { Block } from './build-answer.js';

function unescape(text: string): string {
  // ＊ stands for * inside mrkdwn (format.ts); a terminal can show the real one.
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/＊/g, '*');
}

/**
 * The plain-text reading of a reply: what `tierline ask` prints and what
 * Slack shows in notifications (`text` beside `blocks`). Buttons are left
 * out; headers are underlined so the terminal output keeps its structure.
 * @example blocksToText([{ type: 'header', text: { type: 'plain_text', text: 'Hi' } }]) // 'Hi\n──'
 */
export function blocksToText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'header') out.push(block.text.text, '─'.repeat(Math.min(60, [...block.text.text].length * 2)));
    else if (block.type === 'section' && block.text)
      out.push(unescape(block.text.text.replace(/\*([^*\n]+)\*/g, '$1')));
    else if (block.type === 'context') {
      for (const e of block.elements) if ('text' in e && typeof e.text === 'string') out.push(unescape(e.text));
    } else if (block.type === 'image') out.push(`[${block.alt_text}]`);
  }
  return out.join('\n');
}
