import type { CartConfig } from '../src/config/types';

declare global {
  /** The bare DOM reads of the fields `cfg.selectors` names (bench/bare-reads.js): returns the read to time. */
  var bareReads: (cfg: CartConfig, doc?: Document) => () => unknown;
}
