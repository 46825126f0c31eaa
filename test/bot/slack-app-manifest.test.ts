import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(readFileSync(new URL('../../bot/slack-app-manifest.yaml', import.meta.url), 'utf8')) as {
  features: {
    slash_commands: { command: string; should_escape: boolean }[];
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url: string };
    interactivity: { is_enabled: boolean; request_url: string };
  };
};
const listeners = (kind: string) =>
  readFileSync(new URL(`../../bot/listeners/${kind}/index.ts`, import.meta.url), 'utf8');

describe('slack-app-manifest.yaml', () => {
  it('declares /crm with escaped mentions (the command parser reads <@U…> and <#C…>)', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/crm', should_escape: true }),
    ]);
    expect(listeners('commands')).toContain("app.command('/crm'");
  });

  it('subscribes to every event the bot listens to, and enables interactivity and the Home tab', () => {
    for (const event of ['app_mention', 'app_home_opened']) {
      expect(manifest.settings.event_subscriptions.bot_events).toContain(event);
      expect(listeners('events')).toContain(`app.event('${event}'`);
    }
    expect(manifest.settings.event_subscriptions.bot_events).toContain('message.im');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
  });

  it('asks for the scopes the Web API calls need', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'app_mentions:read',
        'chat:write',
        'commands',
        'im:history',
        'channels:history',
        'files:read',
        'files:write',
        'users:read',
        'users:read.email',
      ]),
    );
  });
});
