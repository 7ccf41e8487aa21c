// The hyphen package ships no types; these are the parts of its API this site uses.
interface HyphenModule {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; skipHTML?: boolean }): string;
}
declare module 'hyphen/ru/index.js' {
  const hyphen: HyphenModule;
  export default hyphen;
}
declare module 'hyphen/en/index.js' {
  const hyphen: HyphenModule;
  export default hyphen;
}
