/** Small predicates on COPY/ADD sources shared by lint rules. */
export function sourceUrl(source: string): boolean {
  return /^(https?|git):\/\//i.test(source) || source.startsWith('git@');
}
