import { z } from 'zod';

/*
 * What each listener reads from Slack's payload, checked once at the entry
 * (Slack sends these shapes, but a signed request or a Socket Mode envelope
 * can carry anything): a listener gets plain typed fields or `undefined`,
 * acks, and stays quiet. Only the fields a listener uses are checked.
 */

const id = z.string().min(1).max(255);
const optionalText = z.string().optional().catch(undefined);

const CLICK = z.object({
  body: z.object({
    user: z.object({ id }),
    channel: z.object({ id: z.string() }).nullish().catch(undefined),
    view: z.object({ type: z.string() }).nullish().catch(undefined),
    trigger_id: optionalText,
  }),
  action: z.object({ value: z.string().max(2_000).optional().catch(undefined) }),
});

/** A button click: the clicker, the value, and where it was clicked. */
export interface Click {
  readonly userId: string;
  readonly value: string | undefined;
  readonly channelId: string | undefined;
  readonly triggerId: string | undefined;
  /** Clicked in the App Home tab (no response_url there). */
  readonly home: boolean;
}

export function readClick(body: unknown, action: unknown): Click | undefined {
  const parsed = CLICK.safeParse({ body, action });
  if (!parsed.success) return undefined;
  const b = parsed.data.body;
  return {
    userId: b.user.id,
    value: parsed.data.action.value,
    channelId: b.channel?.id,
    triggerId: b.trigger_id,
    home: b.view?.type === 'home',
  };
}

const COMMAND = z.object({
  user_id: id,
  text: z.string().max(4_000).catch(''),
  channel_id: z.string().catch(''),
  channel_name: optionalText,
  // The workspace (and Enterprise Grid org) it was typed in: a digest subscription records them (OAuth mode).
  team_id: optionalText,
  enterprise_id: optionalText,
});

/** A slash command's fields, or undefined for a payload without a user. */
export function readCommand(command: unknown): z.infer<typeof COMMAND> | undefined {
  const parsed = COMMAND.safeParse(command);
  return parsed.success ? parsed.data : undefined;
}

const SUBMISSION = z.object({
  body: z.object({ user: z.object({ id }) }),
  view: z.object({
    private_metadata: z.string().catch(''),
    state: z.object({ values: z.record(z.string(), z.unknown()) }).catch({ values: {} }),
  }),
});

/** A modal submission: who submitted, the metadata and the raw state values (each field is read defensively). */
export function readSubmission(
  body: unknown,
  view: unknown,
): { userId: string; metadata: string; values: Record<string, unknown> } | undefined {
  const parsed = SUBMISSION.safeParse({ body, view });
  return parsed.success
    ? {
        userId: parsed.data.body.user.id,
        metadata: parsed.data.view.private_metadata,
        values: parsed.data.view.state.values,
      }
    : undefined;
}

/** A field of a submitted modal's state: `values[block][action][key]`, or undefined whatever the shape. */
export function stateField(values: Record<string, unknown>, block: string, action: string, key: string): unknown {
  const b = values[block];
  const a = typeof b === 'object' && b !== null ? (b as Record<string, unknown>)[action] : undefined;
  return typeof a === 'object' && a !== null ? (a as Record<string, unknown>)[key] : undefined;
}

const MENTION = z.object({ user: id, text: z.string().max(4_000), ts: z.string(), thread_ts: optionalText });

/** An app_mention event's fields, or undefined (no user: a bot or a malformed event). */
export function readMention(event: unknown): z.infer<typeof MENTION> | undefined {
  const parsed = MENTION.safeParse(event);
  return parsed.success ? parsed.data : undefined;
}

const HOME_OPENED = z.object({ user: id, tab: z.literal('home') });

/** The user who opened the Home tab, or undefined (another tab or a malformed event). */
export function readHomeOpened(event: unknown): string | undefined {
  const parsed = HOME_OPENED.safeParse(event);
  return parsed.success ? parsed.data.user : undefined;
}

const FILE = z.object({
  name: z.string().max(255).optional().catch(undefined),
  size: z.number().nonnegative().optional().catch(undefined),
  filetype: optionalText,
  url_private_download: optionalText,
});
const DIRECT_MESSAGE = z.object({
  channel_type: z.literal('im'),
  channel: id,
  user: id.optional().catch(undefined),
  subtype: optionalText,
  bot_id: z.unknown().optional(),
  text: z.string().max(4_000).optional().catch(undefined),
  files: z.array(z.unknown()).optional().catch(undefined),
});

/** A message in the DM with the bot, or undefined (a channel message, or malformed). */
export function readDirectMessage(
  message: unknown,
):
  | (Omit<z.infer<typeof DIRECT_MESSAGE>, 'files'> & { file: z.infer<typeof FILE> | undefined; fromBot: boolean })
  | undefined {
  const parsed = DIRECT_MESSAGE.safeParse(message);
  if (!parsed.success) return undefined;
  const { files, bot_id, ...rest } = parsed.data;
  const file = FILE.safeParse(files?.[0]);
  return {
    ...rest,
    file: file.success ? file.data : undefined,
    fromBot: bot_id !== undefined || (typeof message === 'object' && message !== null && 'bot_id' in message),
  };
}
