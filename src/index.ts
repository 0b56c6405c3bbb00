export type { Cart, CartItem } from './types';
export type { Config } from './config/types';
export const version: string = __VERSION__;
