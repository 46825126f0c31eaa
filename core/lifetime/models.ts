import { BG_NBD } from './bg-nbd.js';
import { MBG_NBD } from './mbg-nbd.js';
import type { TransactionModel, TransactionModelName } from './transaction-model.js';

/** Both transaction models by name, for code that scores either. */
export const TRANSACTION_MODELS: Readonly<Record<TransactionModelName, TransactionModel>> = {
  'bg-nbd': BG_NBD,
  'mbg-nbd': MBG_NBD,
};
