import { renderMessage, type Locale, type Message } from './labels.js';

/**
 * The one shape of the engine's fatal input errors (k-means, lifetime models,
 * churn back-test, gradient boosting): a stable `code` for programs and exit
 * codes, and `text`, a catalogue sentence with its parameters that a face
 * renders in the reader's locale (`formatCodedError`). `message` is the
 * English, for logs and --debug. Codes stay data, never the text a user reads.
 */
export class CodedError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly text: Message;
  constructor(code: Code, text: Message) {
    super(renderMessage(text, 'en'));
    this.name = 'CodedError';
    this.code = code;
    this.text = text;
  }
}

/**
 * A CodedError as the user reads it in `locale`.
 * @example formatCodedError(new KMeansError('no-customers', { key: 'error.kmeans.no-customers' }), 'zh-CN') === '没有可聚类的客户。'
 */
export function formatCodedError(error: CodedError, locale: Locale): string {
  return renderMessage(error.text, locale);
}
