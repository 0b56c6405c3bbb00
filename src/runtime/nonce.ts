let nonce: string | undefined;

/** The CSP nonce from the config, for anything the widget adds to the page. */
export const setNonce = (n: string | undefined): void => {
  nonce = n;
};
export const currentNonce = (): string | undefined => nonce;
