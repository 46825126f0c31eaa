import { afterEach, describe, expect, it } from 'vitest';
import { resolveViewer } from '../../../../bot/access/resolve-viewer.js';
import { answerQuestion, type AnswerContext } from '../../../../bot/answers/answer-question.js';
import { blocksToText } from '../../../../bot/blocks/blocks-to-text.js';
import { buildAnswerBlocks } from '../../../../bot/blocks/build-answer.js';
import { matchIntent, type Locale } from '../../../../bot/intents/match-intent.js';
import type { SqliteStore } from '../../../../bot/store/sqlite-store.js';
import { runCrmCommand } from '../../../../bot/answers/run-crm-command.js';
import { fixtureDeps, fixtureStore, USERS } from '../../fixtures.js';

let store: SqliteStore;
afterEach(() => store?.close());

async function ctx(user: string, locale: Locale = 'en'): Promise<AnswerContext> {
  const viewer = await resolveViewer(store, user, { managers: [USERS.mona], admins: [] });
  // 2026-11-25 is a Wednesday: "this week" starts on Monday 2026-11-23.
  return { store, viewer, locale, surface: 'dm', today: '2026-11-25' };
}

async function log(date: string, customerId: string, owner: string, action: string, result: 'success' | 'follow-up') {
  await store.addExecutionLog({
    date,
    customerId,
    owner,
    executor: owner === 'Maria' ? USERS.maria : USERS.david,
    action,
    feedback: '',
    result,
    createdAt: `${date}T10:00:00.000Z`,
  });
}

/** The reply as text, without the header's underline. */
async function answerText(text: string, user: string, locale: Locale = 'en'): Promise<string> {
  const answer = await answerQuestion(matchIntent(text), await ctx(user, locale));
  return blocksToText(buildAnswerBlocks(answer, locale))
    .split('\n')
    .filter((line) => !/^─+$/.test(line))
    .join('\n');
}

describe('the contacts question (a registry entry with its own answer)', () => {
  it.each([
    'who did I contact this week',
    'contacts logged this week',
    'what did I log?',
    'my contact log',
    'contacts',
    '本周联系记录',
    '我这周联系了谁',
    '这周的跟进记录',
  ])('%s is the contacts question', (text) => {
    expect(matchIntent(text)).toEqual({ kind: 'asked', question: 'contacts' });
  });

  it("lists the asker's contacts since Monday, newest first; a manager sees everyone's", async () => {
    store = fixtureStore();
    await log('2026-11-20', 'C005', 'Maria', 'Call before the week', 'success');
    await log('2026-11-23', 'C005', 'Maria', 'Called', 'follow-up');
    await log('2026-11-24', 'C002', 'Maria', 'Visit', 'success');
    await log('2026-11-24', 'C004', 'David', 'Email', 'success');
    expect(await answerText('who did I contact this week', USERS.maria)).toBe(
      [
        'Contacts logged since 2026-11-23',
        '• 2026-11-24 · C002 · Visit → Success',
        '• 2026-11-23 · C005 · Called → Follow-up',
      ].join('\n'),
    );
    expect(await answerText('本周联系记录', USERS.mona, 'zh-CN')).toBe(
      [
        '2026-11-23 以来记录的联系',
        '• 2026-11-24 · C004 · Email → 成功',
        '• 2026-11-24 · C002 · Visit → 成功',
        '• 2026-11-23 · C005 · Called → 待跟进',
      ].join('\n'),
    );
  });

  it('says so when nothing was logged, and refuses an unmapped user', async () => {
    store = fixtureStore();
    expect(await answerText('contacts logged this week', USERS.david)).toBe(
      ['Contacts logged since 2026-11-23', 'No contacts logged since 2026-11-23.'].join('\n'),
    );
    expect(await answerText('contacts logged this week', USERS.eve)).toContain('not linked to an owner');
  });

  it('/crm contacts asks it too, and the help card lists it with its usage', async () => {
    store = fixtureStore();
    const deps = fixtureDeps(store);
    expect((await runCrmCommand(deps, USERS.maria, 'contacts', 'dm')).text).toContain(
      'No contacts logged since 2026-11-23.',
    );
    expect((await runCrmCommand(deps, USERS.maria, 'help', 'dm')).text).toContain(
      'who did I contact this week · contacts logged this week — the contacts logged since Monday · `/crm contacts [@owner]`',
    );
  });
});
