/** How money messages name the smallest unit of a currency. */
export function unitOf(code: string): string {
  if (code === 'JPY') return 'yen';
  if (code === 'KRW') return 'won';
  return `${code} minor units (cents)`;
}
