import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, Installation } from '@slack/bolt';
import { errorCode } from '../error-code.js';
import { message, type MessageId } from '../i18n/messages.js';
import type { Locale } from '../intents/match-intent.js';

type CallbackOptions = NonNullable<NonNullable<HTTPReceiverOptions['installerOptions']>['callbackOptions']>;

/** The language of an install page: the browser's first choice, zh* → zh-CN, else en. */
export function pageLocale(req: IncomingMessage): Locale {
  const first = (req.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(res: ServerResponse, status: number, locale: Locale, id: MessageId, values: Record<string, string> = {}) {
  if (res.headersSent) return;
  const text = escapeHtml(message(id, locale, values));
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .end(
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>Tierline</title><body><h1>Tierline</h1><p>${text}</p></body></html>`,
    );
}

/** What went wrong in an install, as the page tells it: HTTP status and catalogue sentence. */
export function installFailure(code: string): { status: number; id: MessageId } {
  switch (code) {
    case 'state-expired':
      return { status: 400, id: 'install.expired-state' };
    case 'state-invalid':
    case 'slack_oauth_invalid_state':
    case 'slack_oauth_missing_state':
    case 'slack_oauth_missing_code':
      return { status: 400, id: 'install.bad-state' };
    case 'slack_oauth_installer_authorization_error':
      // The installer pressed Cancel on Slack's consent screen (error=access_denied).
      return { status: 200, id: 'install.cancelled' };
    default:
      // oauth.v2.access refused the code (invalid_code, bad_client_secret …) or could not be reached.
      return { status: 502, id: 'install.slack-refused' };
  }
}

/**
 * The pages after Slack's consent screen: a sentence in the browser's
 * language, and one log line of ids and codes (never a token, never the
 * installation record).
 */
export function installPages(log: (line: string) => void): CallbackOptions {
  return {
    success(installation: Installation, _options, req, res) {
      const team = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
      log(`installed for ${installation.isEnterpriseInstall ? 'enterprise' : 'team'} ${team ?? '?'}`);
      page(res, 200, pageLocale(req), 'install.done', {
        team: installation.team?.name ?? installation.enterprise?.name ?? team ?? '',
      });
    },
    failure(error, _options, req, res) {
      const code = errorCode(error);
      const { status, id } = installFailure(code);
      log(`install failed: ${code}`);
      page(res, status, pageLocale(req), id, { code });
    },
  };
}
