import { resolveViewer } from '../../access/resolve-viewer.js';
import { publishHome } from '../../answers/publish-home.js';
import { replyToIntent } from '../../answers/reply-to-question.js';
import type { BotDeps } from '../../bot-deps.js';
import type { PageValue } from '../../blocks/build-answer.js';
import type { Intent } from '../../intents/match-intent.js';
import { directMessage } from './answer-click.js';
import { onButtonClick } from './on-button-click.js';

/** Reads a page or Sort button's value; anything malformed is the first page of the churn list, by risk. */
export function parsePageValue(value: string | undefined): PageValue {
  try {
    const v = JSON.parse(value ?? '') as Partial<PageValue> | null;
    if (typeof v !== 'object' || v === null) throw new Error('not an object');
    const offset = Number.isSafeInteger(v.offset) && v.offset! >= 0 ? v.offset! : 0;
    const pageSize = Number.isSafeInteger(v.pageSize) && v.pageSize! > 0 ? v.pageSize! : 5;
    return {
      kind: v.kind === 'segment' ? 'segment' : 'churn',
      offset,
      pageSize,
      ...(typeof v.segment === 'string' ? { segment: v.segment } : {}),
      ...(typeof v.user === 'string' ? { user: v.user } : {}),
      ...(v.locale === 'zh-CN' ? { locale: 'zh-CN' as const } : {}),
      ...(v.sort === 'value' ? { sort: 'value' as const } : {}),
    };
  } catch {
    return { kind: 'churn', offset: 0, pageSize: 5 };
  }
}

/**
 * Next / previous page and Sort (by risk ⇄ by value): the list is asked again with the new offset for
 * the clicking user (the value's `user` is only a manager's request and is
 * refused for anyone else by the same scoping as a typed question). Under a
 * message the message is replaced; in the Home tab the Home is re-published
 * at that page (its list is always the clicker's own churn list).
 */
export function createPage(deps: BotDeps) {
  return onButtonClick(deps, async ({ click, surface, client }) => {
    const value = parsePageValue(click.value);
    if (surface.kind === 'home') {
      await publishHome(deps, client, click.userId, {
        offset: value.offset,
        pageSize: value.pageSize,
        ...(value.sort ? { sort: value.sort } : {}),
      });
      return;
    }
    const viewer = await resolveViewer(deps.store, click.userId, deps.access);
    const intent: Intent =
      value.kind === 'segment' && value.segment
        ? { kind: 'segment', segment: value.segment }
        : { kind: 'churn', ...(value.user ? { ownerMention: value.user } : {}) };
    const where = surface.kind !== 'message' || click.channelId?.startsWith('D') ? 'dm' : 'channel';
    const reply = await replyToIntent(deps, viewer, intent, where, value.locale ?? deps.defaultLocale, {
      offset: value.offset,
      pageSize: value.pageSize,
      ...(value.sort ? { sort: value.sort } : {}),
    });
    if (surface.kind === 'message')
      await surface.respond({ replace_original: true, blocks: reply.blocks, text: reply.text });
    else await directMessage(client, click.userId, reply);
  });
}
