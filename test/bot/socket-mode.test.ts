import { describe, expect, it } from 'vitest';
import { buildApp } from '../../bot/app.js';
import { guardProcess } from '../../bot/guard-process.js';
import { startFakeSlack } from './fake-slack.js';
import { startFakeSocket } from './fake-socket.js';
import { fixtureDeps, fixtureStore, USERS } from './fixtures.js';

describe('the bot in Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('connects through apps.connections.open, acks a /crm envelope and answers by response_url', async () => {
    const slack = await startFakeSlack();
    const socket = await startFakeSocket();
    slack.setSocketUrl(socket.url);
    const store = fixtureStore();
    const built = buildApp(
      {
        token: 'xoxb-test',
        signingSecret: 'unused',
        appToken: 'xapp-test',
        clientOptions: { slackApiUrl: slack.apiUrl },
      },
      fixtureDeps(store),
    );
    expect(built.mode).toBe('socket');
    try {
      const started = built.start(0);
      await socket.ready;
      await started;
      expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
      socket.send({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          command: '/crm',
          text: 'churn',
          user_id: USERS.maria,
          channel_id: 'D0MARIA',
          channel_name: 'directmessage',
          team_id: 'T1',
          api_app_id: 'A1',
          response_url: slack.responseUrl('cmd'),
          trigger_id: 't',
        },
      });
      for (let i = 0; i < 200 && (socket.received.length === 0 || slack.callsTo('response/cmd').length === 0); i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(socket.received[0]).toMatchObject({ envelope_id: 'env-1' });
      expect(JSON.stringify(slack.callsTo('response/cmd')[0]!.body)).toContain('C005 · Bob Smith');
    } finally {
      await built.stop();
      await socket.close();
      await slack.close();
      store.close();
    }
  }, 20_000);

  it('survives malformed envelopes (payload null, wrong shapes), logs only codes, and keeps answering', async () => {
    const slack = await startFakeSlack();
    const socket = await startFakeSocket();
    slack.setSocketUrl(socket.url);
    const store = fixtureStore();
    const deps = fixtureDeps(store);
    const built = buildApp(
      {
        token: 'xoxb-test',
        signingSecret: 'unused',
        appToken: 'xapp-test',
        clientOptions: { slackApiUrl: slack.apiUrl },
      },
      deps,
    );
    // As `tierline bot` does: the Socket Mode client itself reads `payload.type` outside any handler.
    const unguard = guardProcess(deps.log);
    try {
      const started = built.start(0);
      await socket.ready;
      await started;
      const bad = [
        { envelope_id: 'b1', type: 'interactive', accepts_response_payload: true, payload: null },
        { envelope_id: 'b2', type: 'interactive', accepts_response_payload: true, payload: { type: 'block_actions' } },
        {
          envelope_id: 'b3',
          type: 'interactive',
          accepts_response_payload: true,
          payload: {
            type: 'block_actions',
            user: { id: USERS.maria },
            actions: [{ action_id: 'tierline_snooze', value: 'null' }],
          },
        },
        {
          envelope_id: 'b4',
          type: 'events_api',
          accepts_response_payload: false,
          payload: { type: 'event_callback', event: null },
        },
        { envelope_id: 'b5', type: 'slash_commands', accepts_response_payload: true, payload: { command: '/crm' } },
      ];
      for (const envelope of bad) socket.send(envelope);
      socket.send({
        envelope_id: 'ok',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          command: '/crm',
          text: 'churn',
          user_id: USERS.maria,
          channel_id: 'D0MARIA',
          channel_name: 'directmessage',
          team_id: 'T1',
          api_app_id: 'A1',
          response_url: slack.responseUrl('cmd'),
          trigger_id: 't',
        },
      });
      for (let i = 0; i < 300 && slack.callsTo('response/cmd').length === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(JSON.stringify(slack.callsTo('response/cmd')[0]!.body)).toContain('C005');
      // payload: null never reaches Bolt (the client throws first): the guard logs it once. A block action
      // without a user fails inside Bolt: logged by code and acked. A /crm without a user is ignored.
      expect([...deps.logs].sort()).toEqual([
        'command ignored: malformed-payload',
        'envelope failed: TypeError',
        'unhandled rejection kept the bot running: TypeError',
      ]);
    } finally {
      unguard();
      await built.stop();
      await socket.close();
      await slack.close();
      store.close();
    }
  }, 20_000);
});
