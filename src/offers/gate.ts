/**
 * Lets a builder stop before allocating its prompt when its value cannot beat the best so far:
 * with 1,000 offers only the winners are built, which keeps decide() within a couple of ms.
 */
export type Gate = (value: number) => boolean;
export const always: Gate = () => true;
