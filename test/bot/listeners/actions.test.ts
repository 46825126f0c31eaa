import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPage, parsePageValue } from '../../../bot/listeners/actions/page.js';
import { createLogContactSubmit } from '../../../bot/listeners/views/log-contact-submit.js';
import { createLogContact } from '../../../bot/listeners/actions/log-contact.js';
import type { SqliteStore } from '../../../bot/store/sqlite-store.js';
import { fixtureDeps, fixtureStore, USERS } from '../fixtures.js';

let store: SqliteStore;
afterEach(() => store?.close());

function fakes() {
  return {
    ack: vi.fn(async (_?: unknown) => {}),
    respond: vi.fn(async (_: unknown) => {}),
    client: {
      views: { open: vi.fn(async () => ({ ok: true })) },
      chat: { postMessage: vi.fn(async () => ({ ok: true })) },
    },
  };
}

describe('button and modal callbacks (called directly with fakes)', () => {
  it("page: a salesperson replaying a manager's page button for another owner gets a refusal, not the list", async () => {
    store = fixtureStore();
    const f = fakes();
    await createPage(fixtureDeps(store))({
      ...f,
      action: { value: JSON.stringify({ kind: 'churn', offset: 0, pageSize: 5, user: USERS.david }) },
      body: { user: { id: USERS.maria }, channel: { id: 'D1' } },
    } as never);
    expect(f.ack).toHaveBeenCalledOnce();
    const reply = f.respond.mock.calls[0]![0] as { text: string };
    expect(reply.text).toBe('Only managers can do that.');
  });

  it('page: the next page for the clicking owner, in the locale the button carries', async () => {
    store = fixtureStore();
    const f = fakes();
    await createPage(fixtureDeps(store))({
      ...f,
      action: { value: JSON.stringify({ kind: 'churn', offset: 1, pageSize: 1, locale: 'zh-CN' }) },
      body: { user: { id: USERS.maria }, channel: { id: 'D1' } },
    } as never);
    const reply = f.respond.mock.calls[0]![0] as { text: string; replace_original: boolean };
    expect(reply.replace_original).toBe(true);
    expect(reply.text).toContain('第 2–2 位，共 2 位');
    expect(reply.text).toContain('C002');
  });

  it('page: a malformed value falls back to the first page', async () => {
    expect(parsePageValue('{oops')).toEqual({ kind: 'churn', offset: 0, pageSize: 5 });
    expect(parsePageValue(JSON.stringify({ kind: 'segment', offset: -3, pageSize: 'x', segment: 'loyal' }))).toEqual({
      kind: 'segment',
      offset: 0,
      pageSize: 5,
      segment: 'loyal',
    });
  });

  it('log contact: an unmapped user gets no modal', async () => {
    store = fixtureStore();
    const f = fakes();
    await createLogContact(fixtureDeps(store))({
      ...f,
      action: { value: '{"c":"C001"}' },
      body: { user: { id: USERS.eve }, trigger_id: 't' },
    } as never);
    expect(f.client.views.open).not.toHaveBeenCalled();
    expect((f.respond.mock.calls[0]![0] as { text: string }).text).toMatch(/not linked to an owner/);
  });

  it("modal submission: forged metadata naming another owner's customer stores nothing", async () => {
    store = fixtureStore();
    const f = fakes();
    const values = {
      date: { date: { selected_date: '2026-11-24' } },
      action: { action: { value: 'call' } },
      feedback: { feedback: { value: '' } },
      result: { result: { selected_option: { value: 'success' } } },
    };
    await createLogContactSubmit(fixtureDeps(store))({
      ...f,
      body: { user: { id: USERS.maria } },
      view: { private_metadata: '{"customerId":"C004","locale":"en"}', state: { values } },
    } as never);
    expect(f.ack).toHaveBeenCalledWith({
      response_action: 'errors',
      errors: { action: 'No customer C004 among the customers you can see.' },
    });
    expect(await store.executionLog({})).toEqual([]);
    expect(f.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it.each(['2026-13-45', '2026-02-30', 'yesterday'])(
    'modal submission: the date %s is a field error in the modal language',
    async (date) => {
      store = fixtureStore();
      const f = fakes();
      const values = {
        date: { date: { selected_date: date } },
        action: { action: { value: '回访' } },
        feedback: { feedback: { value: '' } },
        result: { result: { selected_option: { value: 'success' } } },
      };
      await createLogContactSubmit(fixtureDeps(store))({
        ...f,
        body: { user: { id: USERS.maria } },
        view: { private_metadata: '{"customerId":"C005","locale":"zh-CN"}', state: { values } },
      } as never);
      expect(f.ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { date: '日期格式应为 YYYY-MM-DD。' } });
      expect(await store.executionLog({})).toEqual([]);
    },
  );
});
